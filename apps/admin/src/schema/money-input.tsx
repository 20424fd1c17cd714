import { formatYuan, parseYuan } from '@zizhu/schema';
import { InputAdornment } from '@mui/material';
import { TextInput, type TextInputProps } from 'react-admin';

/**
 * Money typed and shown in yuan (两位小数), stored and sent in fen. A text input, not a
 * number input: "12.5" must never pass through a float on its way to fen.
 */
export function MoneyInput(props: TextInputProps) {
  return (
    <TextInput
      {...props}
      format={(fen: unknown) => (typeof fen === 'number' ? formatYuan(fen) : typeof fen === 'string' ? fen : '')}
      parse={(text: string) => (text.trim() === '' ? null : (parseYuan(text) ?? text))}
      slotProps={{ input: { endAdornment: <InputAdornment position="end">元</InputAdornment> } }}
    />
  );
}
