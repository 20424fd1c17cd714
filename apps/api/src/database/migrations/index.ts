import { Imports1795326254337 } from './1795326254337-Imports';
import { Identities1795327503940 } from './1795327503940-Identities';
import { UnloggedImportStaging1795328864568 } from './1795328864568-UnloggedImportStaging';
import { PlatformCore1795325072589 } from './1795325072589-PlatformCore';
import { Omissions1795329162462 } from './1795329162462-Omissions';
import { ExportJobs1795328972364 } from './1795328972364-ExportJobs';
import { Programs1795332743467 } from './1795332743467-Programs';
import { Files1795332552833 } from './1795332552833-Files';
import { Funds1795333201477 } from './1795333201477-Funds';
import { ComparisonSummaryTree1795333677770 } from './1795333677770-ComparisonSummaryTree';
import { RosterActionNames1795335411234 } from './1795335411234-RosterActionNames';
import { LeanImportStaging1795336525764 } from './1795336525764-LeanImportStaging';
import { Clues1795337599247 } from './1795337599247-Clues';
import { ComparisonResultsPerRun1795338000000 } from './1795338000000-ComparisonResultsPerRun';
import { ComparisonExecutions1796398449428 } from './1796398449428-ComparisonExecutions';
import { RosterSubmittedLate1797000300000 } from './1797000300000-RosterSubmittedLate';
import { ClueWorkflow1797000300001 } from './1797000300001-ClueWorkflow';
import { ClueActions1797000300002 } from './1797000300002-ClueActions';

/** Every migration, oldest first. A spec checks that they produce exactly the declared schema. */
export const MIGRATIONS = [PlatformCore1795325072589, Imports1795326254337, Identities1795327503940, UnloggedImportStaging1795328864568, ExportJobs1795328972364, Omissions1795329162462, Files1795332552833, Programs1795332743467, Funds1795333201477, ComparisonSummaryTree1795333677770, RosterActionNames1795335411234, LeanImportStaging1795336525764, Clues1795337599247, ComparisonResultsPerRun1795338000000, ComparisonExecutions1796398449428, RosterSubmittedLate1797000300000, ClueWorkflow1797000300001, ClueActions1797000300002];
