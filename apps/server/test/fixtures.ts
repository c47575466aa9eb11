import { usccCheckDigit } from '@zhiyuan/core';

/** A valid USCC (an enterprise registered with the market regulator in the given district) from a serial number. */
export const uscc = (serial: number, division = '110108') => {
  const first17 = `91${division}${String(serial).padStart(9, '0')}`;
  return first17 + usccCheckDigit(first17);
};
