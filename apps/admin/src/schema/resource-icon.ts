import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import BadgeIcon from '@mui/icons-material/Badge';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import DonutSmallIcon from '@mui/icons-material/DonutSmall';
import DownloadIcon from '@mui/icons-material/Download';
import EventNoteIcon from '@mui/icons-material/EventNote';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import FolderIcon from '@mui/icons-material/Folder';
import HistoryIcon from '@mui/icons-material/History';
import HowToRegIcon from '@mui/icons-material/HowToReg';
import MailIcon from '@mui/icons-material/Mail';
import PhoneIcon from '@mui/icons-material/Phone';
import LeaderboardIcon from '@mui/icons-material/Leaderboard';
import ListAltIcon from '@mui/icons-material/ListAlt';
import MapIcon from '@mui/icons-material/Map';
import PeopleIcon from '@mui/icons-material/People';
import PersonIcon from '@mui/icons-material/Person';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import ReportIcon from '@mui/icons-material/Report';
import SchoolIcon from '@mui/icons-material/School';
import TuneIcon from '@mui/icons-material/Tune';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import VolunteerActivismIcon from '@mui/icons-material/VolunteerActivism';
import WarningIcon from '@mui/icons-material/WarningAmber';
import type { ComponentType } from 'react';

/** Material icon names that declarations (resources, pages) use for their menu entries. */
const ICONS: Record<string, ComponentType> = {
  map: MapIcon,
  school: SchoolIcon,
  people: PeopleIcon,
  person: PersonIcon,
  person_add: PersonAddIcon,
  history: HistoryIcon,
  upload: UploadFileIcon,
  download: DownloadIcon,
  badge: BadgeIcon,
  list: ListAltIcon,
  compare: CompareArrowsIcon,
  fact_check: FactCheckIcon,
  volunteer_activism: VolunteerActivismIcon,
  how_to_reg: HowToRegIcon,
  report: ReportIcon,
  account_balance: AccountBalanceIcon,
  warning: WarningIcon,
  event_note: EventNoteIcon,
  assignment_turned_in: AssignmentTurnedInIcon,
  mail: MailIcon,
  phone: PhoneIcon,
  donut_small: DonutSmallIcon,
  leaderboard: LeaderboardIcon,
  tune: TuneIcon,
};

/** Menu icon named by `ResourceSchema.icon`; unknown names get a folder. */
export function resourceIcon(name: string | undefined): ComponentType {
  return (name && ICONS[name]) || FolderIcon;
}
