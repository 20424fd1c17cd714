import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Tooltip } from '@mui/material';
import type { ResourceSchema } from '@zizhu/schema';
import { Button, LinkBase, useResourceContext, useTranslate } from 'react-admin';
import { importPagePath } from './import-api';
import { isImportable } from './import-modes';

/** "导入" on a List: opens the import wizard of that resource. */
export function ImportButton() {
  const resource = useResourceContext();
  const translate = useTranslate();
  if (!resource) return null;
  return (
    <Tooltip title={translate('zizhu.import.buttonHint')} describeChild>
      <Button component={LinkBase} to={importPagePath(resource)} label="zizhu.import.button">
        <UploadFileIcon />
      </Button>
    </Tooltip>
  );
}

/** On every generated list whose records the user may import (some mode is allowed). */
export function ImportListAction({ schema }: { schema: ResourceSchema }) {
  return isImportable(schema) ? <ImportButton /> : null;
}
