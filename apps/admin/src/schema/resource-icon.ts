import FolderIcon from '@mui/icons-material/Folder';
import HistoryIcon from '@mui/icons-material/History';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import MapIcon from '@mui/icons-material/Map';
import PeopleIcon from '@mui/icons-material/People';
import PersonIcon from '@mui/icons-material/Person';
import SchoolIcon from '@mui/icons-material/School';
import type { ComponentType } from 'react';

const ICONS: Record<string, ComponentType> = {
  map: MapIcon,
  school: SchoolIcon,
  people: PeopleIcon,
  person: PersonIcon,
  history: HistoryIcon,
  upload: UploadFileIcon,
};

/** Menu icon named by `ResourceSchema.icon`; unknown names get a folder. */
export function resourceIcon(name: string | undefined): ComponentType {
  return (name && ICONS[name]) || FolderIcon;
}
