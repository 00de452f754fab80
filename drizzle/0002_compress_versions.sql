PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_playbook_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`playbook_id` text NOT NULL,
	`number` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`state` blob NOT NULL,
	`json` blob NOT NULL,
	`encoding` text DEFAULT 'identity' NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`playbook_id`) REFERENCES `playbooks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_playbook_versions`("id", "playbook_id", "number", "kind", "label", "note", "state", "json", "encoding", "author_id", "author_name", "created_at") SELECT "id", "playbook_id", "number", "kind", "label", "note", "state", "json", 'identity', "author_id", "author_name", "created_at" FROM `playbook_versions`;--> statement-breakpoint
DROP TABLE `playbook_versions`;--> statement-breakpoint
ALTER TABLE `__new_playbook_versions` RENAME TO `playbook_versions`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `playbook_versions_number` ON `playbook_versions` (`playbook_id`,`number`);--> statement-breakpoint
CREATE INDEX `playbook_versions_created` ON `playbook_versions` (`playbook_id`,`created_at`);