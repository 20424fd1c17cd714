import FactCheckIcon from '@mui/icons-material/FactCheck';
import MailIcon from '@mui/icons-material/Mail';
import PrintIcon from '@mui/icons-material/Print';
import type { ResourceSchema } from '@zizhu/schema';
import { useState } from 'react';
import { Button } from 'react-admin';
import { GenerateLettersDialog } from './generate-letters-dialog';
import { LETTERS_RESOURCE } from './letters-api';
import { PrintLettersDialog } from './print-letters-dialog';
import { ReceiptSheetDialog } from './receipt-sheet-dialog';

type Open = 'generate' | 'print' | 'sheet' | null;

/** On the letters list: 生成告知书 and 回执登记表 for those who mark letters, 打印告知书 for every reader. */
export function LettersListActions({ schema }: { schema: ResourceSchema }) {
  const [open, setOpen] = useState<Open>(null);
  if (schema.name !== LETTERS_RESOURCE) return null;
  const close = () => setOpen(null);
  return (
    <>
      {schema.can.update && (
        <Button label="zizhu.letters.generate" onClick={() => setOpen('generate')}>
          <MailIcon />
        </Button>
      )}
      <Button label="zizhu.letters.print" onClick={() => setOpen('print')}>
        <PrintIcon />
      </Button>
      {schema.can.update && (
        <Button label="zizhu.letters.receiptSheet" onClick={() => setOpen('sheet')}>
          <FactCheckIcon />
        </Button>
      )}
      {open === 'generate' && <GenerateLettersDialog onClose={close} />}
      {open === 'print' && <PrintLettersDialog onClose={close} />}
      {open === 'sheet' && <ReceiptSheetDialog onClose={close} />}
    </>
  );
}
