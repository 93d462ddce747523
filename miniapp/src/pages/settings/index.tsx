import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { BigButton } from '@/components/BigButton';
import { DemoFooter } from '@/components/DemoFooter';
import { ElderSwitch } from '@/components/ElderSwitch';
import { InlineConfirm } from '@/components/InlineConfirm';
import { LinkRow } from '@/components/LinkRow';
import { MyPhone } from '@/components/MyPhone';
import { PageRoot } from '@/components/PageRoot';
import { Section } from '@/components/Section';
import { canUseWorkbench } from '@/lib/workEntry';
import { clearChecklists } from '@/hooks/useChecklist';
import { useElderMode } from '@/hooks/useElderMode';
import { rememberMyCenter } from '@/hooks/useMyCenter';
import { PRIVACY_POINTS, PRIVACY_TITLE } from '@/lib/privacyNotice';
import { urlOf } from '@/lib/routes';
import { openPage } from '@/platform/navigation';
import { clearSavedResponses } from '@/platform/cache';
import { loadSession } from '@/platform/session';
import './index.css';

/** What this app keeps on the phone (not the login: that is the booking pages' own). */
const ON_THIS_PHONE = [
  '长辈模式开还是关',
  '您的服务中心（首页最先显示的那个）',
  '材料清单里您勾的“我有了”和“是/否”',
  '最近看过的中心和办事指南，没网时也能看',
];

export default function SettingsPage(): ReactNode {
  const { elder, fontScale } = useElderMode();
  const [clearing, setClearing] = useState<'' | 'ask' | 'done'>('');

  const clear = (): void => {
    clearChecklists();
    rememberMyCenter(null);
    clearSavedResponses();
    setClearing('done');
  };

  return (
    <PageRoot className="settings">
      {canUseWorkbench(loadSession()?.account.role) ? (
        <Section title="窗口工作人员">
          <BigButton onClick={() => void openPage(urlOf('workToday'))}>打开工作台</BigButton>
        </Section>
      ) : null}
      <Text className="page-title settings__title">设置</Text>

      {['manager', 'admin'].includes(loadSession()?.account.role ?? '') ? (
        <Section title="中心负责人">
          <LinkRow title="中心设置" detail="窗口号源、停办、预约规则、在岗公示" onClick={() => void openPage(urlOf('manageCenter'))} />
          <LinkRow title="好差评" detail="满意率、差评和整改" onClick={() => void openPage(urlOf('manageRatings'))} />
          <LinkRow title="账号管理" detail="工作人员账号、重置密码、停用" onClick={() => void openPage(urlOf('manageAccounts'))} />
          <LinkRow title="操作记录" detail="谁在什么时候改了什么" onClick={() => void openPage(urlOf('manageAudit'))} />
          {loadSession()?.account.role === 'admin' ? (
            <LinkRow title="目录管理" detail="事项、材料、一件事，表格导入导出" onClick={() => void openPage(urlOf('manageCatalogue'))} />
          ) : null}
          {loadSession()?.account.role === 'admin' ? (
            <LinkRow title="通知送达" detail="微信和短信送到了多少，没送到的重新发送" onClick={() => void openPage(urlOf('manageNotifications'))} />
          ) : null}
        </Section>
      ) : null}

      <Section title="字大一点，看得更清楚">
        <ElderSwitch />
        <Text className="settings__text">
          {elder ? '已打开：' : '打开后：'}字更大，按钮更大，每屏内容更少，也不会弹出窗口。
        </Text>
        <Text className="settings__text">
          {fontScale > 1
            ? `您在微信里调大了字体，这里的字也跟着放大了（${fontScale}倍）。`
            : '在微信“我 → 设置 → 通用 → 字体大小”里调大字体，这里的字也会跟着变大。'}
        </Text>
      </Section>

      {loadSession() ? (
        <Section title="我的手机号（可以不留）">
          <MyPhone />
        </Section>
      ) : null}

      {loadSession() ? (
        <Section title="通知">
          <LinkRow title="消息" detail="预约和办理进度的通知" onClick={() => void openPage(urlOf('noticeInbox'))} />
          <LinkRow title="通知方式" detail="微信通知、短信、夜间免打扰" onClick={() => void openPage(urlOf('noticePreferences'))} />
        </Section>
      ) : null}

      <Section title="这部手机上保存了什么">
        {ON_THIS_PHONE.map((line) => (
          <Text key={line} className="settings__point">
            · {line}
          </Text>
        ))}
        <Text className="settings__text">这些只存在您的手机上，不会上传。位置只在您点“找离我最近的中心”时用一次，不保存。</Text>
        <View className="settings__clear">
          {clearing === '' ? (
            <BigButton kind="secondary" onClick={() => setClearing('ask')}>
              清除本机保存的内容
            </BigButton>
          ) : null}
          {clearing === 'ask' ? (
            <InlineConfirm
              message="清除后，勾过的材料、您的服务中心和没网时能看的内容都会删掉（长辈模式的开关保留）。确定清除吗？"
              confirmText="清除"
              cancelText="不清除"
              onConfirm={clear}
              onCancel={() => setClearing('')}
            />
          ) : null}
          {clearing === 'done' ? (
            <Text className="settings__done">
              已清除。
            </Text>
          ) : null}
        </View>
      </Section>

      <Section title={PRIVACY_TITLE}>
        {PRIVACY_POINTS.map((point) => (
          <View key={point.title} className="settings__privacy">
            <Text className="settings__privacy-title">{point.title}</Text>
            <Text className="settings__text">{point.text}</Text>
          </View>
        ))}
      </Section>

      <Section title="工作人员">
        <Text className="settings__text">便民服务中心的工作人员、中心负责人和县管理员，用管理员给的用户名和密码登录。</Text>
        <BigButton kind="secondary" onClick={() => void openPage(urlOf('workLogin'))}>
          工作人员登录
        </BigButton>
      </Section>

      <Section title="关于">
        <Text className="settings__text">便民服务：查乡镇便民服务中心、看办事要带的材料、预约办事、查办理进度。</Text>
        <Text className="settings__text">遇到问题，可以直接打电话问您乡镇的便民服务中心，或到窗口现场办理。</Text>
      </Section>

      <DemoFooter />
    </PageRoot>
  );
}
