CREATE TABLE "enterprise_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"changes" jsonb NOT NULL,
	"before" jsonb NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by_id" uuid,
	"requested_by_name" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_id" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "enterprise_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"file_name" text NOT NULL,
	"rows" integer NOT NULL,
	"created" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"status" text DEFAULT 'previewed' NOT NULL,
	"items" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"former_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"legal_representative" text,
	"registered_capital" numeric(18, 4),
	"established_on" date,
	"registered_address" text,
	"operating_address" text,
	"park_id" uuid NOT NULL,
	"industry_code" text NOT NULL,
	"industry_section" text NOT NULL,
	"emerging_industry" text,
	"above_scale" boolean DEFAULT false NOT NULL,
	"listing_stage" text DEFAULT 'none' NOT NULL,
	"listing_board" text,
	"ticker" text,
	"headcount" integer,
	"land_area" numeric(14, 2),
	"land_tenure" text,
	"floor_area" numeric(14, 2),
	"floor_tenure" text,
	"lon" double precision,
	"lat" double precision,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"service_officer_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_since" date,
	"search_grams" text[] GENERATED ALWAYS AS (enterprise_search_grams(name, former_names, uscc)) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_uscc_unique" UNIQUE("uscc")
);
--> statement-breakpoint
CREATE TABLE "qualification_kinds" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"validity_years" integer,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "qualification_kinds_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "enterprise_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"certificate_no" text,
	"issuer" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"reviews" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_filters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"module" text NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_filters_user_module_name_key" UNIQUE("user_id","module","name")
);
--> statement-breakpoint
CREATE TABLE "enterprise_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"destination" text,
	"note" text,
	"actor_id" uuid,
	"actor_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_change_requests" ADD CONSTRAINT "enterprise_change_requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_service_officer_id_users_id_fk" FOREIGN KEY ("service_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_qualifications" ADD CONSTRAINT "enterprise_qualifications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_qualifications" ADD CONSTRAINT "enterprise_qualifications_kind_qualification_kinds_code_fk" FOREIGN KEY ("kind") REFERENCES "public"."qualification_kinds"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_filters" ADD CONSTRAINT "saved_filters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_status_events" ADD CONSTRAINT "enterprise_status_events_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_change_requests_status_idx" ON "enterprise_change_requests" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "enterprise_change_requests_enterprise_idx" ON "enterprise_change_requests" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprises_search_grams_idx" ON "enterprises" USING gin ("search_grams");--> statement-breakpoint
CREATE INDEX "enterprises_park_name_key_idx" ON "enterprises" USING btree ("park_id","name_key");--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree ("name");--> statement-breakpoint
CREATE INDEX "enterprises_industry_idx" ON "enterprises" USING btree ("industry_section","industry_code");--> statement-breakpoint
CREATE INDEX "enterprises_officer_idx" ON "enterprises" USING btree ("service_officer_id");--> statement-breakpoint
CREATE INDEX "enterprises_tags_idx" ON "enterprises" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "enterprises_updated_idx" ON "enterprises" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "enterprise_qualifications_enterprise_idx" ON "enterprise_qualifications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "enterprise_qualifications_kind_valid_idx" ON "enterprise_qualifications" USING btree ("kind","valid_to");--> statement-breakpoint
CREATE INDEX "enterprise_qualifications_valid_to_idx" ON "enterprise_qualifications" USING btree ("valid_to");--> statement-breakpoint
CREATE INDEX "enterprise_status_events_enterprise_idx" ON "enterprise_status_events" USING btree ("enterprise_id","on");