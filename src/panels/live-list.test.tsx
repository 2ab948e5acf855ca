import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatasetView } from '../data/use-dataset';
import { renderWithRuntime } from '../test/harness';
import appealTicker from './catalog/appeal-ticker';
import { tableOf } from './catalog/tables';
import { AppealTicker, IncidentList, inRegion, RankList } from './live-list';
import { Hosted } from './panel-test-utils';

let view: DatasetView<unknown>;
vi.mock('../data/use-dataset', () => ({ useDataset: () => view }));

const NOW = Date.parse('2026-11-20T02:00:00Z');
function dataset(records: unknown[] | undefined, state: DatasetView<unknown>['state'] = 'ready'): DatasetView<unknown> {
  return {
    datasetId: 'd',
    records,
    state,
    reason: state === 'stale' ? 'http: HTTP 500' : null,
    lastGoodAt: NOW - 120_000,
    asOf: null,
    quarantined: 0,
    source: '测试来源',
    switching: false,
    bound: true,
  };
}

const options = { max: 30, followRegion: true, autoScroll: false };
const incidentConfig = { id: 'inc', type: 'incident-list', area: 'a', datasets: {}, options: {}, dataset: 'd' };

beforeEach(() => {
  vi.spyOn(Date, 'now').mockReturnValue(NOW);
});

describe('live lists', () => {
  it('matches regions by code prefix', () => {
    expect(inRegion('410324', '410000')).toBe(true);
    expect(inRegion('410324', '410300')).toBe(true);
    expect(inRegion('410105', '410300')).toBe(false);
    expect(inRegion('410324', '410324')).toBe(true);
  });

  it('lists incidents newest first, only in the region in view, with four-colour levels', () => {
    view = dataset([
      {
        id: 'a',
        type: 'fire',
        severity: 3,
        title: '郑州市金水区某小区火灾',
        region: '410105',
        lon: 113.6,
        lat: 34.7,
        reportedAt: NOW - 600_000,
        status: 'onsite',
      },
      {
        id: 'b',
        type: 'flood',
        severity: 1,
        title: '洛阳市栾川县山洪',
        region: '410324',
        lon: 111.6,
        lat: 33.8,
        reportedAt: NOW - 60_000,
        status: 'dispatched',
      },
      {
        id: 'c',
        type: 'traffic',
        severity: 4,
        title: '洛阳市区交通事故',
        region: '410302',
        lon: 112.4,
        lat: 34.6,
        reportedAt: NOW - 300_000,
        status: 'reported',
      },
    ]);
    const { tree } = renderWithRuntime(<Hosted panel={IncidentList} config={incidentConfig} options={{ ...options, minSeverity: 4 }} title="实时事件" />, {
      view: { region: '410300' },
    });
    render(tree);
    const items = screen.getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-severity'))).toEqual(['1', '4']);
    expect(items[0]?.textContent).toContain('Ⅰ级 红色');
    expect(items[0]?.textContent).toContain('1 分钟前');
    expect(screen.queryByText('郑州市金水区某小区火灾')).toBeNull();
  });

  it('shows hostile appeal text as text, and keeps it on screen with a badge when the feed goes stale', () => {
    view = dataset(
      [
        {
          id: 'x',
          channel: '微信',
          category: '城乡建设',
          region: '410105',
          text: '<img src=x onerror="window.__xss=1">小区停水三天',
          receivedAt: NOW - 30_000,
          status: 'new',
        },
      ],
      'stale',
    );
    const { tree } = renderWithRuntime(
      <Hosted panel={AppealTicker} config={{ ...incidentConfig, id: 'app', type: 'appeal-ticker' }} options={options} title="最新诉求" />,
    );
    const { container } = render(tree);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror="window.__xss=1">小区停水三天')).toBeTruthy();
    const region = screen.getByRole('region', { name: '最新诉求' });
    expect(region.getAttribute('data-state')).toBe('stale');
    expect(screen.getByRole('status').textContent).toContain('数据未更新');
  });

  it('masks phone, ID and card numbers in appeal text on the wall and in its data table', () => {
    const appeal = {
      id: 'm',
      channel: '电话',
      category: '城乡建设',
      region: '410105',
      text: '供暖不热，联系人电话13837112345，身份证41010519900101123X，工单2026-110-000123',
      receivedAt: NOW - 30_000,
      status: 'new',
    };
    view = dataset([appeal]);
    const { tree } = renderWithRuntime(
      <Hosted panel={AppealTicker} config={{ ...incidentConfig, id: 'app', type: 'appeal-ticker' }} options={options} title="最新诉求" />,
    );
    const { container } = render(tree);
    const shown = '供暖不热，联系人电话138****2345，身份证410105********123X，工单2026-110-000123';
    expect(screen.getByText(shown)).toBeTruthy();
    expect(container.textContent).not.toContain('13837112345');
    const table = tableOf(appealTicker)({ main: dataset([appeal]) as DatasetView<never> }, { ...options }, {
      region: '410000',
      filters: {},
      locale: 'zh-CN',
      regionLabel: (c: string) => c,
    } as never);
    expect(table.rows.map((r) => r.text)).toEqual([shown]);
  });

  it('says in the header where the bars of rates start, and draws from there', () => {
    view = dataset([
      { key: 'a', name: '省住房和城乡建设厅', value: 98.5, unit: '%' },
      { key: 'b', name: '省民政厅', value: 97.3, unit: '%' },
    ]);
    const { tree } = renderWithRuntime(
      <Hosted
        panel={RankList}
        config={{ ...incidentConfig, id: 'dep', type: 'rank-list' }}
        options={{ order: 'desc', max: 10, digits: 1 }}
        title="部门按时办结率"
      />,
    );
    const { container } = render(tree);
    // 97.3 and 98.5 → a spread of 1.2, floor = 5 % step below 97.3 − 2 = 95.
    expect(screen.getByRole('region', { name: '部门按时办结率' }).textContent).toContain('条形自 95% 起');
    const widths = [...container.querySelectorAll<HTMLElement>('.rank-list__bar > span')].map((el) => Number.parseFloat(el.style.width));
    expect(widths[0]).toBeCloseTo(100, 1);
    expect(widths[1]).toBeCloseTo(((97.3 - 95) / (98.5 - 95)) * 100, 1);
  });

  it('starts the bars of counts at zero and says nothing about it', () => {
    view = dataset([
      { key: 'a', name: '物业服务纠纷', value: 300, unit: '件' },
      { key: 'b', name: '拖欠工资', value: 150, unit: '件' },
    ]);
    const { tree } = renderWithRuntime(
      <Hosted panel={RankList} config={{ ...incidentConfig, id: 'top', type: 'rank-list' }} options={{ order: 'desc', max: 10, digits: 0 }} title="热点话题" />,
    );
    const { container } = render(tree);
    expect(screen.getByRole('region', { name: '热点话题' }).textContent).not.toContain('条形自');
    const widths = [...container.querySelectorAll<HTMLElement>('.rank-list__bar > span')].map((el) => Number.parseFloat(el.style.width));
    expect(widths).toEqual([100, 50]);
  });

  it('keeps the ticker DOM bounded over a long run: node count does not grow after 200 ticks', () => {
    const appeal = (i: number) => ({
      id: `a-${i}`,
      channel: '电话',
      category: '城乡建设',
      region: '410105',
      text: `第${i}条：小区供暖不热，请尽快处理。`,
      receivedAt: NOW - 600_000 + i * 1000,
      status: 'new',
    });
    const all = Array.from({ length: 260 }, (_, i) => appeal(i));
    view = dataset(all.slice(0, 40));
    const ticker = () => (
      <Hosted panel={AppealTicker} config={{ ...incidentConfig, id: 'app', type: 'appeal-ticker' }} options={{ ...options, max: 30 }} title="最新诉求" />
    );
    const { tree } = renderWithRuntime(ticker());
    const { container, rerender } = render(tree);
    const nodes = () => container.querySelectorAll('*').length;
    const first = nodes();
    for (let tick = 1; tick <= 200; tick++) {
      // A push buffer: the newest 500 at most, one more appeal per tick.
      view = dataset(all.slice(Math.max(0, tick + 40 - 500), tick + 40));
      rerender(renderWithRuntime(ticker()).tree);
    }
    expect(container.querySelectorAll('li').length).toBe(30);
    expect(nodes()).toBe(first);
    // The newest is on top.
    expect(container.querySelector('li')?.textContent).toContain('第239条');
  });

  it('is empty, not blank, when nothing is in the region', () => {
    view = dataset([]);
    const { tree } = renderWithRuntime(
      <Hosted panel={AppealTicker} config={{ ...incidentConfig, id: 'app', type: 'appeal-ticker' }} options={options} title="最新诉求" />,
    );
    render(tree);
    expect(screen.getByRole('region', { name: '最新诉求' }).getAttribute('data-state')).toBe('empty');
    expect(screen.getByText('暂无数据')).toBeTruthy();
  });
});
