CREATE TABLE `document_snapshots` (
	`playbook_id` text PRIMARY KEY NOT NULL,
	`state` blob NOT NULL,
	`upto_seq` integer NOT NULL,
	`compacted_at` integer NOT NULL,
	FOREIGN KEY (`playbook_id`) REFERENCES `playbooks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `document_updates` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`playbook_id` text NOT NULL,
	`update` blob NOT NULL,
	FOREIGN KEY (`playbook_id`) REFERENCES `playbooks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `document_updates_playbook_seq` ON `document_updates` (`playbook_id`,`seq`);--> statement-breakpoint
CREATE TABLE `playbooks` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
