import { Module } from '@nestjs/common';
import { actionController } from '../../../engine/rest/action.controller';
import { AuditRuleBehaviour } from './audit-rule.behaviour';
import { AuditRuleRunner } from './audit-rule-runner.service';
import { AuditRulesNightlyJob } from './audit-rules-nightly.job';

/** 稽核规则: the run (on demand here, nightly by the scheduled job) and the check clues' acceptance asks of it. */
@Module({
  controllers: [actionController(AuditRuleBehaviour)],
  providers: [AuditRuleRunner, AuditRuleBehaviour, AuditRulesNightlyJob],
  exports: [AuditRuleRunner],
})
export class AuditRulesModule {}
