import { describe, expect, it } from 'vitest';
import { parseDoctorArgs } from './args';

const ID = 'a517751b-a1ca-4423-8d91-aaf8f5b34215';

describe('the doctor’s command line', () => {
  it('takes a member id in either form, or none', () => {
    expect(parseDoctorArgs([])).toEqual({ memberId: null });
    expect(parseDoctorArgs(['--member', ID])).toEqual({ memberId: ID });
    expect(parseDoctorArgs([`--member=${ID}`])).toEqual({ memberId: ID });
    expect(parseDoctorArgs(['--help'])).toBe('help');
  });

  it('refuses anything else', () => {
    for (const args of [['--member'], ['--member', 'johna'], ['--memberr', ID], [ID], ['--member=']]) {
      expect(parseDoctorArgs(args)).toBeNull();
    }
  });
});
