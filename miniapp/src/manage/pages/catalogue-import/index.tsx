import { Text, View } from '@tarojs/components';
import type { ImportReport } from '@contract/catalogue-admin';
import { useState, type ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import { PageRoot } from '@/components/PageRoot';
import { errorPlace, importHeadline, importNextStep, importSummary, spreadsheetKind } from '@/lib/catalogueAdmin';
import { urlOf } from '@/lib/routes';
import { type ChosenFile, chooseSpreadsheet } from '@/platform/files';
import { toApiError } from '@/platform/request';
import { exportCatalogue } from '@/services/catalogueAdmin/exportCatalogue';
import { importCatalogue } from '@/services/catalogueAdmin/importCatalogue';
import { AdminOnly } from '../../catalogue/AdminOnly';
import '../../catalogue/catalogue-admin.css';

type Step =
  | { kind: 'idle' }
  | { kind: 'working'; text: string }
  | { kind: 'report'; report: ImportReport }
  | { kind: 'failed'; message: string };

/** Import the county's spreadsheet: choose a file → checked at once (nothing written) → 确认导入. */
export default function ManageImportPage(): ReactNode {
  return (
    <PageRoot className="catadmin">
      <View className="catadmin__inner">
        <View className="catadmin__head">
          <Text className="page-title">导入事项目录</Text>
          <Text className="page-lead">
            选 Excel（.xlsx）或 CSV 文件。先检查，全部没问题才能导入；表里没有的事项不会被删除。
          </Text>
        </View>
        <AdminOnly back={urlOf('manageCatalogueImport')}>{() => <Importer />}</AdminOnly>
      </View>
    </PageRoot>
  );
}

function Importer(): ReactNode {
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  const run = (chosen: ChosenFile, dryRun: boolean): void => {
    setStep({ kind: 'working', text: dryRun ? '正在检查文件…' : '正在导入…' });
    importCatalogue(chosen.bytes, dryRun).then(
      (report) => setStep({ kind: 'report', report }),
      (e: unknown) => setStep({ kind: 'failed', message: toApiError(e).message }),
    );
  };

  const choose = (): void => {
    chooseSpreadsheet().then(
      (chosen) => {
        if (!chosen) return;
        if (!spreadsheetKind(chosen.name)) {
          setFile(null);
          setStep({ kind: 'failed', message: `“${chosen.name}”不是 .xlsx 或 .csv 文件，请在 Excel 或 WPS 里另存为后再选` });
          return;
        }
        setFile(chosen);
        run(chosen, true);
      },
      () => setStep({ kind: 'failed', message: '没能读取这个文件，请重新选择' }),
    );
  };

  const next = step.kind === 'report' ? importNextStep(step.report) : null;
  return (
    <View>
      <View className="catadmin__actions">
        <View className="catadmin__action">
          <BigButton kind={next === 'confirm' ? 'secondary' : 'primary'} onClick={choose}>
            {file ? '重新选择文件' : '选择文件'}
          </BigButton>
        </View>
        <View className="catadmin__action">
          <BigButton kind="secondary" onClick={() => void exportCatalogue('xlsx').catch(() => undefined)}>
            下载现有目录作模板
          </BigButton>
        </View>
      </View>
      {file ? <Text className="catadmin__row-meta">文件：{file.name}</Text> : null}
      {step.kind === 'working' ? <Text className="catadmin__notice">{step.text}</Text> : null}
      {step.kind === 'failed' ? <Text className="catadmin__error">{step.message}</Text> : null}
      {step.kind === 'report' ? <Report report={step.report} onConfirm={() => file && run(file, false)} /> : null}
    </View>
  );
}

function Report({ report, onConfirm }: { report: ImportReport; onConfirm: () => void }): ReactNode {
  const next = importNextStep(report);
  return (
    <View className="import-report">
      <Text className={next === 'fix' ? 'catadmin__error' : 'catadmin__ok'}>{importHeadline(report)}</Text>
      <Text className="catadmin__row-meta">
        读到 {report.itemRows} 个事项、{report.materialRows} 项材料
        {report.encoding === 'gb18030' ? '（文件是 GBK 编码，已自动识别）' : ''}。{importSummary(report)}
        {report.materialsReplaced ? '' : '。文件里没有“材料”表，现有材料保持不变'}
      </Text>
      {report.errors.length > 0 ? (
        <View className="catadmin__table">
          <View className="catadmin__tr catadmin__tr--head">
            <Text className="catadmin__td catadmin__td--place">位置</Text>
            <Text className="catadmin__td catadmin__td--column">列</Text>
            <Text className="catadmin__td catadmin__td--message">问题</Text>
          </View>
          {report.errors.map((e, i) => (
            <View key={i} className="catadmin__tr import-report__error">
              <Text className="catadmin__td catadmin__td--place">{errorPlace(e)}</Text>
              <Text className="catadmin__td catadmin__td--column">{e.column ?? '—'}</Text>
              <Text className="catadmin__td catadmin__td--message">{e.message}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {next === 'confirm' ? (
        <View className="catadmin__actions" style={{ marginTop: '16px' }}>
          <View className="catadmin__action">
            <BigButton onClick={onConfirm}>确认导入</BigButton>
          </View>
        </View>
      ) : null}
    </View>
  );
}
