import { Button, type ButtonProps } from 'antd';

/** A text action in a table row that the keyboard reaches too (an `<a>` without href does not). */
export function LinkButton({ style, ...props }: ButtonProps & { 'data-testid'?: string }) {
  return <Button type="link" size="small" style={{ padding: 0, height: 'auto', ...style }} {...props} />;
}
