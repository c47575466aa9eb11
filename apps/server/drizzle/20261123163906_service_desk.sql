CREATE TABLE "work_order_supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"trigger" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"feedback" text,
	"feedback_at" timestamp with time zone,
	"feedback_by" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"close_comment" text
);
--> statement-breakpoint
CREATE TABLE "work_order_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid,
	"event_id" uuid,
	"storage_key" text NOT NULL,
	"sha256" char(64) NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"file_name" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_order_attachments_storage_key" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "work_order_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_order_categories_parent_name_key" UNIQUE NULLS NOT DISTINCT("parent_id","name")
);
--> statement-breakpoint
CREATE TABLE "work_order_co_handlers" (
	"order_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" uuid,
	CONSTRAINT "work_order_co_handlers_order_id_department_id_pk" PRIMARY KEY("order_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "work_order_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_deadline_rules" (
	"type" text NOT NULL,
	"priority" text NOT NULL,
	"response_hours" smallint NOT NULL,
	"resolve_working_days" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "work_order_deadline_rules_type_priority_pk" PRIMARY KEY("type","priority")
);
--> statement-breakpoint
CREATE TABLE "work_order_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"visibility" text NOT NULL,
	"content" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_order_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"working_days" smallint NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"comment" text,
	"previous_due_at" timestamp with time zone NOT NULL,
	"new_due_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "work_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"external_no" text,
	"priority" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"enterprise_id" uuid,
	"park_id" uuid NOT NULL,
	"category_id" uuid,
	"requester_name" text,
	"requester_phone_enc" text,
	"department_id" uuid,
	"assignee_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"rated_at" timestamp with time zone,
	"disposed_at" timestamp with time zone,
	"response_due_at" timestamp with time zone NOT NULL,
	"resolve_due_at" timestamp with time zone NOT NULL,
	"response_overdue_at" timestamp with time zone,
	"resolve_overdue_at" timestamp with time zone,
	"solved" boolean,
	"rating" smallint,
	"rating_comment" text,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"extended_working_days" integer DEFAULT 0 NOT NULL,
	"disposition_reason" text,
	"disposition_next_step" text,
	"disposition_to" text,
	"decided_by" uuid,
	"merged_into_id" uuid,
	"idempotency_key" text,
	"supervised" boolean DEFAULT false NOT NULL,
	CONSTRAINT "work_orders_number_key" UNIQUE("number"),
	CONSTRAINT "work_orders_idempotency_key" UNIQUE("created_by","idempotency_key"),
	CONSTRAINT "work_orders_rating_check" CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
	CONSTRAINT "work_orders_12345_check" CHECK (channel <> 'hotline_12345' OR external_no IS NOT NULL),
	CONSTRAINT "work_orders_disposition_check" CHECK (status NOT IN ('merged', 'referred', 'declined') OR (disposition_reason IS NOT NULL AND disposition_next_step IS NOT NULL AND decided_by IS NOT NULL AND disposed_at IS NOT NULL)),
	CONSTRAINT "work_orders_merged_check" CHECK (status <> 'merged' OR merged_into_id IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "service_package_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"officer_id" uuid,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_package_assignments_package_enterprise_key" UNIQUE("package_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "service_package_item_progress" (
	"assignment_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "service_package_item_progress_assignment_id_item_id_pk" PRIMARY KEY("assignment_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "service_package_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_packages_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "visit_frequency_rules" (
	"class" text PRIMARY KEY NOT NULL,
	"interval_days" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "visit_problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visit_id" uuid NOT NULL,
	"text" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"work_order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_problems_work_order_key" UNIQUE("work_order_id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"planned_on" date,
	"visited_on" date,
	"people" text[] DEFAULT '{}'::text[] NOT NULL,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"cancel_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_dates_check" CHECK ((status <> 'done' OR visited_on IS NOT NULL) AND (status <> 'planned' OR planned_on IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"dedupe_key" text,
	CONSTRAINT "notifications_user_dedupe_key" UNIQUE("user_id","dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "department_id" uuid;--> statement-breakpoint
ALTER TABLE "work_order_supervisions" ADD CONSTRAINT "work_order_supervisions_order_id_work_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_supervisions" ADD CONSTRAINT "work_order_supervisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_supervisions" ADD CONSTRAINT "work_order_supervisions_feedback_by_users_id_fk" FOREIGN KEY ("feedback_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_supervisions" ADD CONSTRAINT "work_order_supervisions_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_order_id_work_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_event_id_work_order_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."work_order_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_categories" ADD CONSTRAINT "work_order_categories_parent_id_work_order_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."work_order_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_co_handlers" ADD CONSTRAINT "work_order_co_handlers_order_id_work_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_co_handlers" ADD CONSTRAINT "work_order_co_handlers_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_co_handlers" ADD CONSTRAINT "work_order_co_handlers_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_deadline_rules" ADD CONSTRAINT "work_order_deadline_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_events" ADD CONSTRAINT "work_order_events_order_id_work_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_events" ADD CONSTRAINT "work_order_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_extensions" ADD CONSTRAINT "work_order_extensions_order_id_work_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_extensions" ADD CONSTRAINT "work_order_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_order_extensions" ADD CONSTRAINT "work_order_extensions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_category_id_work_order_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."work_order_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_merged_into_id_work_orders_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_package_assignments" ADD CONSTRAINT "service_package_assignments_package_id_service_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."service_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_package_assignments" ADD CONSTRAINT "service_package_assignments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_package_assignments" ADD CONSTRAINT "service_package_assignments_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_package_assignments" ADD CONSTRAINT "service_package_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_package_item_progress" ADD CONSTRAINT "service_package_item_progress_assignment_id_service_package_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."service_package_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_package_item_progress" ADD CONSTRAINT "service_package_item_progress_item_id_service_package_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_package_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_package_item_progress" ADD CONSTRAINT "service_package_item_progress_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_package_items" ADD CONSTRAINT "service_package_items_package_id_service_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."service_packages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_packages" ADD CONSTRAINT "service_packages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_frequency_rules" ADD CONSTRAINT "visit_frequency_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_problems" ADD CONSTRAINT "visit_problems_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_problems" ADD CONSTRAINT "visit_problems_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "work_order_supervisions_order_idx" ON "work_order_supervisions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "work_order_supervisions_status_idx" ON "work_order_supervisions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "work_order_supervisions_created_idx" ON "work_order_supervisions" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "work_order_attachments_order_idx" ON "work_order_attachments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "work_order_attachments_unlinked_idx" ON "work_order_attachments" USING btree ("uploaded_at") WHERE order_id IS NULL;--> statement-breakpoint
CREATE INDEX "work_order_co_handlers_department_idx" ON "work_order_co_handlers" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "work_order_events_order_idx" ON "work_order_events" USING btree ("order_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "work_order_extensions_pending_key" ON "work_order_extensions" USING btree ("order_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "work_order_extensions_order_idx" ON "work_order_extensions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "work_order_extensions_status_idx" ON "work_order_extensions" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "work_orders_park_status_created_idx" ON "work_orders" USING btree ("park_id","status","created_at");--> statement-breakpoint
CREATE INDEX "work_orders_created_idx" ON "work_orders" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "work_orders_closed_idx" ON "work_orders" USING btree ("closed_at") WHERE status = 'closed';--> statement-breakpoint
CREATE INDEX "work_orders_rated_idx" ON "work_orders" USING btree ("rated_at") WHERE rated_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "work_orders_open_resolve_due_idx" ON "work_orders" USING btree ("resolve_due_at") WHERE status IN ('submitted', 'accepted', 'assigned', 'in_progress') AND resolve_overdue_at IS NULL;--> statement-breakpoint
CREATE INDEX "work_orders_open_response_due_idx" ON "work_orders" USING btree ("response_due_at") WHERE status = 'submitted' AND response_overdue_at IS NULL;--> statement-breakpoint
CREATE INDEX "work_orders_assignee_idx" ON "work_orders" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "work_orders_department_idx" ON "work_orders" USING btree ("department_id","status");--> statement-breakpoint
CREATE INDEX "work_orders_enterprise_idx" ON "work_orders" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "work_orders_category_idx" ON "work_orders" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "service_package_assignments_enterprise_idx" ON "service_package_assignments" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "service_package_assignments_officer_idx" ON "service_package_assignments" USING btree ("officer_id");--> statement-breakpoint
CREATE INDEX "service_package_items_package_idx" ON "service_package_items" USING btree ("package_id","sort_order");--> statement-breakpoint
CREATE INDEX "visit_problems_visit_idx" ON "visit_problems" USING btree ("visit_id","sort_order");--> statement-breakpoint
CREATE INDEX "visits_enterprise_done_idx" ON "visits" USING btree ("enterprise_id","visited_on") WHERE status = 'done';--> statement-breakpoint
CREATE INDEX "visits_enterprise_idx" ON "visits" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "visits_officer_idx" ON "visits" USING btree ("officer_id","status","planned_on");--> statement-breakpoint
CREATE INDEX "visits_park_idx" ON "visits" USING btree ("park_id","visited_on");--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id") WHERE read_at IS NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;