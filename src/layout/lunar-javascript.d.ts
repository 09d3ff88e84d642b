/** The part of `lunar-javascript` (MIT, https://github.com/6tail/lunar-javascript) the masthead uses. */
declare module 'lunar-javascript' {
  export interface Lunar {
    /** 干支 year, e.g. `甲辰`. */
    getYearInGanZhi(): string;
    /** Month in Chinese without 月, e.g. `五`, `闰四`, `冬`, `腊`. */
    getMonthInChinese(): string;
    /** Day in Chinese, e.g. `廿八`, `初一`. */
    getDayInChinese(): string;
  }
  export class Solar {
    static fromYmd(year: number, month: number, day: number): Solar;
    getLunar(): Lunar;
  }
}
