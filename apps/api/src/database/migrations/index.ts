import { PlatformCore1795325072589 } from './1795325072589-PlatformCore';
import { Imports1795326254337 } from './1795326254337-Imports';
import { Identities1795327503940 } from './1795327503940-Identities';
import { UnloggedImportStaging1795328864568 } from './1795328864568-UnloggedImportStaging';
import { ExportJobs1795328972364 } from './1795328972364-ExportJobs';
import { Omissions1795329162462 } from './1795329162462-Omissions';
import { Files1795332552833 } from './1795332552833-Files';
import { Programs1795332743467 } from './1795332743467-Programs';
import { Funds1795333201477 } from './1795333201477-Funds';
import { ComparisonSummaryTree1795333677770 } from './1795333677770-ComparisonSummaryTree';
import { RosterActionNames1795335411234 } from './1795335411234-RosterActionNames';
import { LeanImportStaging1795336525764 } from './1795336525764-LeanImportStaging';
import { Clues1795337599247 } from './1795337599247-Clues';
import { ComparisonResultsPerRun1795338000000 } from './1795338000000-ComparisonResultsPerRun';
import { ComparisonExecutions1796398449428 } from './1796398449428-ComparisonExecutions';
import { ComparisonExecutionCounts1797000100000 } from './1797000100000-ComparisonExecutionCounts';
import { IdentityListCount1797000100001 } from './1797000100001-IdentityListCount';
import { BatchFiguresAndExclusions1797000200001 } from './1797000200001-BatchFiguresAndExclusions';
import { RosterSubmittedLate1797000300000 } from './1797000300000-RosterSubmittedLate';
import { ClueWorkflow1797000300001 } from './1797000300001-ClueWorkflow';
import { ClueActions1797000300002 } from './1797000300002-ClueActions';
import { TokenVersion1797000500000 } from './1797000500000-TokenVersion';
import { LoginThrottle1797000500001 } from './1797000500001-LoginThrottle';
import { AppSecrets1797000500002 } from './1797000500002-AppSecrets';
import { ProgramSupervisionPhone1797000700000 } from './1797000700000-ProgramSupervisionPhone';
import { RosterStepActor1797000800001 } from './1797000800001-RosterStepActor';

/** Every migration, oldest first. A spec checks that they produce exactly the declared schema. */
export const MIGRATIONS = [PlatformCore1795325072589, Imports1795326254337, Identities1795327503940, UnloggedImportStaging1795328864568, ExportJobs1795328972364, Omissions1795329162462, Files1795332552833, Programs1795332743467, Funds1795333201477, ComparisonSummaryTree1795333677770, RosterActionNames1795335411234, LeanImportStaging1795336525764, Clues1795337599247, ComparisonResultsPerRun1795338000000, ComparisonExecutions1796398449428, ComparisonExecutionCounts1797000100000, IdentityListCount1797000100001, BatchFiguresAndExclusions1797000200001, RosterSubmittedLate1797000300000, ClueWorkflow1797000300001, ClueActions1797000300002, TokenVersion1797000500000, LoginThrottle1797000500001, AppSecrets1797000500002, ProgramSupervisionPhone1797000700000, RosterStepActor1797000800001];
