CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit" text NOT NULL,
	"kind" text NOT NULL,
	"formula" text,
	"precision" smallint DEFAULT 4 NOT NULL,
	"min_value" numeric,
	"max_value" numeric,
	"allow_negative" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_periods" (
	"period" char(7) PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_on" date NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text
);
--> statement-breakpoint
CREATE TABLE "stat_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" char(7) NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_by" text
);
--> statement-breakpoint
CREATE TABLE "stat_report_versions" (
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"values" jsonb NOT NULL,
	"prior" jsonb NOT NULL,
	"source" text NOT NULL,
	"late" boolean NOT NULL,
	"revision" boolean DEFAULT false NOT NULL,
	"reason" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" text,
	CONSTRAINT "stat_report_versions_report_id_version_pk" PRIMARY KEY("report_id","version")
);
--> statement-breakpoint
CREATE TABLE "stat_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"period" char(7) NOT NULL,
	"park_id" uuid NOT NULL,
	"industry_code" text NOT NULL,
	"industry_section" char(1) NOT NULL,
	"above_scale" boolean NOT NULL,
	"values" jsonb NOT NULL,
	"prior" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"source" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"review_comment" text,
	CONSTRAINT "stat_reports_enterprise_period_key" UNIQUE("enterprise_id","period")
);
--> statement-breakpoint
CREATE TABLE "stat_rollup_runs" (
	"period" char(7) PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"rows" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stat_rollups" (
	"period" char(7) NOT NULL,
	"park_id" uuid NOT NULL,
	"industry_section" char(1) NOT NULL,
	"above_scale" boolean NOT NULL,
	"indicator" text NOT NULL,
	"value" numeric,
	"prior_value" numeric,
	"lfl_numerator" numeric,
	"lfl_denominator" numeric,
	"enterprises" integer NOT NULL,
	CONSTRAINT "stat_rollups_period_park_id_industry_section_above_scale_indicator_pk" PRIMARY KEY("period","park_id","industry_section","above_scale","indicator")
);
--> statement-breakpoint
CREATE TABLE "stat_rollups_due" (
	"period" char(7) PRIMARY KEY NOT NULL,
	"generation" integer DEFAULT 1 NOT NULL,
	"marked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "stat_reminders" ADD CONSTRAINT "stat_reminders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_report_versions" ADD CONSTRAINT "stat_report_versions_report_id_stat_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."stat_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_reports" ADD CONSTRAINT "stat_reports_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_reports" ADD CONSTRAINT "stat_reports_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stat_reminders_period_enterprise_idx" ON "stat_reminders" USING btree ("period","enterprise_id");--> statement-breakpoint
CREATE INDEX "stat_reports_period_park_idx" ON "stat_reports" USING btree ("period","park_id");