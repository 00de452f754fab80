import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { editorExtensions } from './extensions';

/** The ProseMirror schema derived from the shared extensions: the shape every rich-text field has. */
export const editorSchema: Schema = getSchema([...editorExtensions]);
