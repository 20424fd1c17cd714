import type { MigrationInterface, QueryRunner } from "typeorm";

/** 月点评 / 季通报: plans' review weights, reviews and their rows per school, the printed bulletins and their `review-bulletin` queue (made here like the others, not at start). */

export class Reviews1798700000000 implements MigrationInterface {
    name = 'Reviews1798700000000'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "review_weights" ("id" SERIAL NOT NULL, "plan_id" integer NOT NULL, "duties_weight" integer NOT NULL, "verification_weight" integer NOT NULL, "payments_weight" integer NOT NULL, "rectifications_weight" integer NOT NULL, "inspection_weight" integer NOT NULL, "notification_weight" integer NOT NULL, "lagging_below" integer NOT NULL, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2e8cdf2738716eac26be54bf1df" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_review_weights_plan" ON "review_weights"  ("plan_id") `);
        await queryRunner.query(`CREATE INDEX "ix_review_weights_scope_path" ON "review_weights"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "reviews" ("id" SERIAL NOT NULL, "title" character varying(100) COLLATE "C", "plan_id" integer NOT NULL, "region_id" character varying(12), "kind" character varying(32) NOT NULL, "year" integer, "month" integer, "quarter" integer, "period_key" character varying(10), "period_start" date, "period_end" date, "status" character varying(32), "remarks" text, "as_of" date, "lagging_below" integer, "indicators" jsonb, "unit_count" integer, "lagging_count" integer, "computed_at" TIMESTAMP WITH TIME ZONE, "computed_by" integer, "issued_at" TIMESTAMP WITH TIME ZONE, "issued_by" integer, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_231ae565c273ee700b283f15c1d" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_reviews_period" ON "reviews"  ("plan_id", "region_id", "period_key") `);
        await queryRunner.query(`CREATE INDEX "ix_reviews_scope_path" ON "reviews"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "review_rows" ("id" SERIAL NOT NULL, "review_id" integer, "school_id" integer, "region_name" character varying(100), "rank" integer, "total" double precision, "lagging" boolean NOT NULL DEFAULT false, "figures" jsonb, "missed_duties" jsonb, "weak_indicators" jsonb, "unit_name" character varying(100), "issued_to" integer, "scope_path" character varying(200) COLLATE "C" NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22790a08bec4aa1404838111aee" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "ux_review_rows_review_school" ON "review_rows"  ("review_id", "school_id") `);
        await queryRunner.query(`CREATE INDEX "ix_review_rows_school" ON "review_rows"  ("school_id", "id") `);
        await queryRunner.query(`CREATE INDEX "ix_review_rows_scope_path" ON "review_rows"  ("scope_path", "id") `);
        await queryRunner.query(`CREATE TABLE "review_bulletins" ("review_id" integer NOT NULL, "status" character varying(16) NOT NULL, "message" jsonb, "file_name" character varying(200), "data" bytea, "requested_by" integer NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0a50c70f9e6738bf59b805165eb" PRIMARY KEY ("review_id"))`);
        await queryRunner.query(`ALTER TABLE "review_weights" ADD CONSTRAINT "FK_efcd84f3a3964ab4f1579b21201" FOREIGN KEY ("plan_id") REFERENCES "work_plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reviews" ADD CONSTRAINT "FK_18c07ac976e285580647220222c" FOREIGN KEY ("plan_id") REFERENCES "work_plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reviews" ADD CONSTRAINT "FK_b4785398d22c59204a2ad74bafc" FOREIGN KEY ("region_id") REFERENCES "regions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reviews" ADD CONSTRAINT "FK_f13ee67ceb76be50cfb0004b7e7" FOREIGN KEY ("computed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "reviews" ADD CONSTRAINT "FK_12cde989d923397072ca5532018" FOREIGN KEY ("issued_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "review_rows" ADD CONSTRAINT "FK_37739bc877f344ef5ef1462b4f2" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "review_rows" ADD CONSTRAINT "FK_17dc4e5e21d0e0e9d1c63972836" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "review_rows" ADD CONSTRAINT "FK_a4d4ad9998a8a040c82accfbe07" FOREIGN KEY ("issued_to") REFERENCES "schools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "review_bulletins" ADD CONSTRAINT "FK_0a50c70f9e6738bf59b805165eb" FOREIGN KEY ("review_id") REFERENCES "reviews"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "review_bulletins" ADD CONSTRAINT "FK_0c31f34544bcb0c1beb94a6d990" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`SELECT pgboss.create_queue($1, $2)`, ['review-bulletin', { policy: 'standard' }]);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`SELECT pgboss.delete_queue($1)`, ['review-bulletin']);
        await queryRunner.query(`ALTER TABLE "review_bulletins" DROP CONSTRAINT "FK_0c31f34544bcb0c1beb94a6d990"`);
        await queryRunner.query(`ALTER TABLE "review_bulletins" DROP CONSTRAINT "FK_0a50c70f9e6738bf59b805165eb"`);
        await queryRunner.query(`ALTER TABLE "review_rows" DROP CONSTRAINT "FK_a4d4ad9998a8a040c82accfbe07"`);
        await queryRunner.query(`ALTER TABLE "review_rows" DROP CONSTRAINT "FK_17dc4e5e21d0e0e9d1c63972836"`);
        await queryRunner.query(`ALTER TABLE "review_rows" DROP CONSTRAINT "FK_37739bc877f344ef5ef1462b4f2"`);
        await queryRunner.query(`ALTER TABLE "reviews" DROP CONSTRAINT "FK_12cde989d923397072ca5532018"`);
        await queryRunner.query(`ALTER TABLE "reviews" DROP CONSTRAINT "FK_f13ee67ceb76be50cfb0004b7e7"`);
        await queryRunner.query(`ALTER TABLE "reviews" DROP CONSTRAINT "FK_b4785398d22c59204a2ad74bafc"`);
        await queryRunner.query(`ALTER TABLE "reviews" DROP CONSTRAINT "FK_18c07ac976e285580647220222c"`);
        await queryRunner.query(`ALTER TABLE "review_weights" DROP CONSTRAINT "FK_efcd84f3a3964ab4f1579b21201"`);
        await queryRunner.query(`DROP TABLE "review_bulletins"`);
        await queryRunner.query(`DROP INDEX "public"."ix_review_rows_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ix_review_rows_school"`);
        await queryRunner.query(`DROP INDEX "public"."ux_review_rows_review_school"`);
        await queryRunner.query(`DROP TABLE "review_rows"`);
        await queryRunner.query(`DROP INDEX "public"."ix_reviews_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ux_reviews_period"`);
        await queryRunner.query(`DROP TABLE "reviews"`);
        await queryRunner.query(`DROP INDEX "public"."ix_review_weights_scope_path"`);
        await queryRunner.query(`DROP INDEX "public"."ux_review_weights_plan"`);
        await queryRunner.query(`DROP TABLE "review_weights"`);
    }

}
