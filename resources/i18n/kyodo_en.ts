<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="ja">
<context>
    <name></name>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>（空）</source>
        <extracomment>The :class:`PlannedRow` of a review row. The :class:`Action` value of a review row (the text 新規, 更新 …), for filtering. The source row number of a problem (to find its row in the review table). Longest value text shown in one line; the tooltip has it all.</extracomment>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>{row} 行目と同じ団体（取り込みません）</source>
        <translation>Same organization as row {row} (not imported)</translation>
    </message>
    <message>
        <source>更新する項目なし（取り込みません）</source>
        <translation>Nothing to update (not imported)</translation>
    </message>
    <message>
        <source>{n} 項目を更新</source>
        <translation>Updates {n} fields</translation>
    </message>
    <message>
        <source>{total} 項目中 {n} 項目を更新</source>
        <translation>Updates {n} of {total} fields</translation>
    </message>
    <message>
        <source>取り込みの内容をExcelに保存</source>
        <translation>Save the import review to Excel</translation>
    </message>
    <message>
        <source>評価シートを書き出す</source>
        <translation>Export evaluation form</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>評価シート（{side}用）を書き出しました。記入してもらい、返送されたら「記入済み評価シートを取り込む」で取り込みます。
{path}</source>
        <translation>The evaluation form (for {side}) was exported. Have it filled in; when it comes back, take it in with &quot;Import filled-in evaluation form&quot;.
{path}</translation>
    </message>
    <message>
        <source>ファイルを書き込めませんでした: {reason}</source>
        <translation>The file could not be written: {reason}</translation>
    </message>
    <message>
        <source>評価シートを書き出せませんでした（{kind}）。詳細はログを確認してください。</source>
        <translation>The evaluation form could not be exported ({kind}). See the log for details.</translation>
    </message>
    <message>
        <source>{name} に書き出しています…</source>
        <translation>Exporting to {name}…</translation>
    </message>
    <message>
        <source>何も取り込んでいません。</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <source>記入済み評価シートを取り込む</source>
        <translation>Import filled-in evaluation form</translation>
    </message>
    <message>
        <source>事業「{title}」の{year}{phase}評価（{side}、記入者: {name}）を取り込みました。合計 {points}/{maximum}。
取り込みの履歴から取り消せます。</source>
        <translation>Imported the {year} {phase} evaluation of &quot;{title}&quot; ({side}, filled in by {name}). Total {points}/{maximum}.
It can be undone from the import history.</translation>
    </message>
    <message>
        <source>ファイルを読み込めませんでした: {reason}</source>
        <translation>The file could not be read: {reason}</translation>
    </message>
    <message>
        <source>評価シートを取り込めませんでした（{kind}）。詳細はログを確認してください。</source>
        <translation>The evaluation form could not be imported ({kind}). See the log for details.</translation>
    </message>
    <message>
        <source>{name} を確かめています…</source>
        <translation>Checking {name}…</translation>
    </message>
    <message>
        <source>保存しました: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Excelへの保存機能を読み込めませんでした。</source>
        <translation>Could not load the Excel export.</translation>
    </message>
    <message>
        <source>保存できませんでした: {reason}</source>
        <translation>Could not save: {reason}</translation>
    </message>
    <message>
        <source>保存に失敗しました（{kind}）。詳細はログを確認してください。</source>
        <translation>Saving failed ({kind}). See the log for details.</translation>
    </message>
    <message>
        <source>{name} に保存しています…</source>
        <translation>Saving to {name}…</translation>
    </message>
    <message>
        <source>登録済み</source>
        <translation>Already stored</translation>
    </message>
    <message>
        <source>{row} 行目と同じ事業（取り込みません）</source>
        <translation>Same project as row {row} (not imported)</translation>
    </message>
    <message>
        <source>登録済みの事業と同じ（取り込みません）</source>
        <translation>Same as a stored project (not imported)</translation>
    </message>
    <message>
        <source>{file}: NPOポータルCSV（{layout}、{encoding}）{total} 件のうち、他の都道府県 {other} 件・解散で除外 {dissolved} 件を除く {rows} 件</source>
        <translation>{file}: NPO portal CSV ({layout}, {encoding}): {rows} of {total} rows, leaving out {other} in other prefectures and {dissolved} dissolved</translation>
    </message>
    <message>
        <source>シート「{sheet}」</source>
        <translation>sheet &quot;{sheet}&quot;</translation>
    </message>
    <message>
        <source>{file} {where}: {rows} 行</source>
        <translation>{file} {where}: {rows} rows</translation>
    </message>
    <message>
        <source>ファイル(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>団体(&amp;O)</source>
        <translation>&amp;Organizations</translation>
    </message>
    <message>
        <source>設定(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>表示言語</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>表示言語は次回の起動から切り替わります</source>
        <translation>The language changes the next time the program starts</translation>
    </message>
    <message>
        <source>データ: {folder}</source>
        <translation>Data: {folder}</translation>
    </message>
    <message>
        <source>職員: {officer}</source>
        <translation>Officer: {officer}</translation>
    </message>
    <message>
        <source>（閲覧専用）</source>
        <translation> (read-only)</translation>
    </message>
    <message>
        <source>{total} 件</source>
        <translation>{total} organizations</translation>
    </message>
    <message>
        <source>{shown} 件 / 全 {total} 件</source>
        <translation>{shown} of {total} organizations</translation>
    </message>
</context>
<context>
    <name>ActivityField</name>
    <message>
        <source>保健、医療又は福祉の増進を図る活動</source>
        <translation>Activities to promote health, medical care or welfare</translation>
    </message>
    <message>
        <source>社会教育の推進を図る活動</source>
        <translation>Activities to promote social education</translation>
    </message>
    <message>
        <source>まちづくりの推進を図る活動</source>
        <translation>Activities to promote community development</translation>
    </message>
    <message>
        <source>観光の振興を図る活動</source>
        <translation>Activities to promote tourism</translation>
    </message>
    <message>
        <source>農山漁村又は中山間地域の振興を図る活動</source>
        <translation>Activities to promote rural, mountain and fishing villages or hilly and mountainous areas</translation>
    </message>
    <message>
        <source>学術、文化、芸術又はスポーツの振興を図る活動</source>
        <translation>Activities to promote science, culture, the arts or sports</translation>
    </message>
    <message>
        <source>環境の保全を図る活動</source>
        <translation>Activities to conserve the environment</translation>
    </message>
    <message>
        <source>災害救援活動</source>
        <translation>Disaster relief activities</translation>
    </message>
    <message>
        <source>地域安全活動</source>
        <translation>Community safety activities</translation>
    </message>
    <message>
        <source>人権の擁護又は平和の推進を図る活動</source>
        <translation>Activities to protect human rights or promote peace</translation>
    </message>
    <message>
        <source>国際協力の活動</source>
        <translation>International cooperation activities</translation>
    </message>
    <message>
        <source>男女共同参画社会の形成の促進を図る活動</source>
        <translation>Activities to promote a gender-equal society</translation>
    </message>
    <message>
        <source>子どもの健全育成を図る活動</source>
        <translation>Activities to promote the sound development of children</translation>
    </message>
    <message>
        <source>情報化社会の発展を図る活動</source>
        <translation>Activities to develop the information society</translation>
    </message>
    <message>
        <source>科学技術の振興を図る活動</source>
        <translation>Activities to promote science and technology</translation>
    </message>
    <message>
        <source>経済活動の活性化を図る活動</source>
        <translation>Activities to revitalize economic activity</translation>
    </message>
    <message>
        <source>職業能力の開発又は雇用機会の拡充を支援する活動</source>
        <translation>Activities to support vocational skills development or the expansion of employment opportunities</translation>
    </message>
    <message>
        <source>消費者の保護を図る活動</source>
        <translation>Activities to protect consumers</translation>
    </message>
    <message>
        <source>前各号に掲げる活動を行う団体の運営又は活動に関する連絡、助言又は援助の活動</source>
        <translation>Liaison, advice or assistance for organizations engaged in the activities above, in their management or activities</translation>
    </message>
    <message>
        <source>前各号に掲げる活動に準ずる活動として都道府県又は指定都市の条例で定める活動</source>
        <translation>Activities equivalent to those above, as set by ordinance of a prefecture or designated city</translation>
    </message>
</context>
<context>
    <name>ActivityFieldShort</name>
    <message>
        <source>保健・医療・福祉</source>
        <translation>Health, medical care, welfare</translation>
    </message>
    <message>
        <source>社会教育</source>
        <translation>Social education</translation>
    </message>
    <message>
        <source>まちづくり</source>
        <translation>Community development</translation>
    </message>
    <message>
        <source>観光</source>
        <translation>Tourism</translation>
    </message>
    <message>
        <source>農山漁村・中山間地域</source>
        <translation>Rural and mountain areas</translation>
    </message>
    <message>
        <source>学術・文化・芸術・スポーツ</source>
        <translation>Science, culture, arts, sports</translation>
    </message>
    <message>
        <source>環境の保全</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>災害救援</source>
        <translation>Disaster relief</translation>
    </message>
    <message>
        <source>地域安全</source>
        <translation>Community safety</translation>
    </message>
    <message>
        <source>人権・平和</source>
        <translation>Human rights, peace</translation>
    </message>
    <message>
        <source>国際協力</source>
        <translation>International cooperation</translation>
    </message>
    <message>
        <source>男女共同参画</source>
        <translation>Gender equality</translation>
    </message>
    <message>
        <source>子どもの健全育成</source>
        <translation>Children and youth</translation>
    </message>
    <message>
        <source>情報化社会</source>
        <translation>Information society</translation>
    </message>
    <message>
        <source>科学技術</source>
        <translation>Science and technology</translation>
    </message>
    <message>
        <source>経済活動の活性化</source>
        <translation>Economic revitalization</translation>
    </message>
    <message>
        <source>職業能力・雇用機会</source>
        <translation>Vocational skills, employment</translation>
    </message>
    <message>
        <source>消費者の保護</source>
        <translation>Consumer protection</translation>
    </message>
    <message>
        <source>連絡・助言・援助</source>
        <translation>Support for organizations</translation>
    </message>
    <message>
        <source>条例で定める活動</source>
        <translation>Set by ordinance</translation>
    </message>
</context>
<context>
    <name>AgreementPage</name>
    <message>
        <source>協定・期間・予算</source>
        <translation>Agreement, period and budget</translation>
    </message>
    <message>
        <source>協定書で取り決める事項、事業の期間、経費の負担を記録します。</source>
        <translation>Record what the agreement settles, the project&apos;s period and who bears the costs.</translation>
    </message>
    <message>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>開始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>見直し予定日</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>予算（円）</source>
        <translation>Budget (yen)</translation>
    </message>
    <message>
        <source>例: 1,200,000</source>
        <translation>e.g. 1,200,000</translation>
    </message>
    <message>
        <source>協定で取り決める事項</source>
        <translation>Items settled by the agreement</translation>
    </message>
    <message>
        <source>空欄なら{year}の末日（3月31日）</source>
        <translation>Blank: the last day of {year} (March 31)</translation>
    </message>
</context>
<context>
    <name>AnnualReportAction</name>
    <message>
        <source>年度レポート…</source>
        <translation>Annual report…</translation>
    </message>
    <message>
        <source>年度の団体・事業・公平性・評価・引継ぎをまとめたExcelを書き出す</source>
        <translation>Write an Excel workbook summarising the fiscal year&apos;s organizations, projects, fairness, evaluations and handovers</translation>
    </message>
    <message>
        <source>年度レポート</source>
        <translation>Annual report</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>{name} に書き出しています…</source>
        <translation>Exporting to {name}…</translation>
    </message>
    <message>
        <source>年度レポートを書き出しました。
{path}</source>
        <translation>The annual report was written.
{path}</translation>
    </message>
</context>
<context>
    <name>AnnualReportDialog</name>
    <message>
        <source>年度レポート</source>
        <translation>Annual report</translation>
    </message>
    <message>
        <source>管理職向けの年度レポート（Excel）を書き出します。</source>
        <translation>Writes the annual report (Excel) for managers.</translation>
    </message>
    <message>
        <source>年度:</source>
        <translation>Fiscal year:</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>課:</source>
        <translation>Section:</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <source>日次</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>手動</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>復元の前</source>
        <translation>Before a restore</translation>
    </message>
    <message>
        <source>形式の更新の前</source>
        <translation>Before a format upgrade</translation>
    </message>
    <message>
        <source>インポートの前</source>
        <translation>Before an import</translation>
    </message>
    <message>
        <source>統合の前</source>
        <translation>Before a merge</translation>
    </message>
    <message>
        <source>統合の取り消しの前</source>
        <translation>Before undoing a merge</translation>
    </message>
    <message>
        <source>日時（この端末の時刻）</source>
        <translation>Time (this computer&apos;s time zone)</translation>
    </message>
    <message>
        <source>和暦</source>
        <translation>Japanese era date</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>サイズ</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>BackupRestoreDialog</name>
    <message>
        <source>バックアップから復元</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>検証済みのバックアップです。復元すると、今のデータは復元の前にバックアップとして残ります。</source>
        <translation>These backups have been verified. When you restore one, the current data is kept as a backup taken just before the restore.</translation>
    </message>
    <message>
        <source>復元…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>バックアップを確認しています…</source>
        <translation>Checking the backups…</translation>
    </message>
    <message>
        <source>{count} 件</source>
        <translation>{count}</translation>
    </message>
    <message>
        <source>検証済みのバックアップがありません。</source>
        <translation>There is no verified backup.</translation>
    </message>
    <message>
        <source>バックアップを確認できませんでした: {reason}</source>
        <translation>The backups could not be checked: {reason}</translation>
    </message>
    <message>
        <source>{when} のバックアップで今のデータを置き換えます。
それより後の変更は、復元の前に取るバックアップにだけ残ります。復元しますか？</source>
        <translation>The current data will be replaced by the backup of {when}.
Later changes are kept only in the backup taken before the restore. Restore?</translation>
    </message>
    <message>
        <source>復元する</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>データがありません</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>未入力</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>棒グラフ。</source>
        <translation>Bar chart. </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}: {1}。</source>
        <translation>{0}: {1}. </translation>
    </message>
</context>
<context>
    <name>CandidateTableModel</name>
    <message>
        <source>団体A</source>
        <extracomment>The :class:`CandidatePair` of a row.</extracomment>
        <translation>Organization A</translation>
    </message>
    <message>
        <source>団体B</source>
        <translation>Organization B</translation>
    </message>
    <message>
        <source>市町村</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>確からしさ</source>
        <translation>Likelihood</translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <source>選択した行の変更内容</source>
        <translation>Changes of the selected row</translation>
    </message>
    <message>
        <source>取り込む項目</source>
        <translation>Fields to import</translation>
    </message>
    <message>
        <source>すべて取り込む</source>
        <translation>Take all</translation>
    </message>
    <message>
        <source>すべて外す</source>
        <translation>Take none</translation>
    </message>
    <message>
        <source>上の一覧で行を選ぶと、ここに変更内容が出ます。</source>
        <translation>Select a row in the list above to see its changes here.</translation>
    </message>
    <message>
        <source>{row} 行目は「{name}」と同じ団体です。チェックした項目だけを取り込み、ほかは今の値のままです（空欄を埋める項目は最初からチェックしてあります）。</source>
        <translation>Row {row} is the same organization as “{name}”. Only the ticked fields are imported; the others keep their current values (fields that fill a blank are ticked already).</translation>
    </message>
    <message>
        <source>{row} 行目は新しい団体として次の内容で登録します。</source>
        <translation>Row {row} will be registered as a new organization with these values.</translation>
    </message>
    <message>
        <source>{row} 行目は登録済みの「{name}」と同じ内容です。取り込みません。</source>
        <translation>Row {row} is the same as the registered &quot;{name}&quot;. It is not imported.</translation>
    </message>
    <message>
        <source>{row} 行目は {first} 行目と同じ団体です。取り込みません。</source>
        <translation>Row {row} is the same organization as row {first}. It is not imported.</translation>
    </message>
    <message>
        <source>{row} 行目はエラーのため取り込めません。
{reasons}</source>
        <translation>Row {row} cannot be imported because of errors.
{reasons}</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <source>グラフ</source>
        <translation>Chart</translation>
    </message>
</context>
<context>
    <name>ChecklistBox</name>
    <message>
        <source>後任の確認</source>
        <translation>Successor&apos;s checklist</translation>
    </message>
    <message>
        <source>確認日 {day}</source>
        <extracomment>why the current officer cannot tick (only the successor acknowledges)</extracomment>
        <translation>Acknowledged on {day}</translation>
    </message>
    <message>
        <source>未確認 {left}件 / 全{total}件</source>
        <translation>{left} of {total} not acknowledged</translation>
    </message>
    <message>
        <source>確認する項目はありません</source>
        <translation>Nothing to acknowledge</translation>
    </message>
</context>
<context>
    <name>ChooseOrganizationDialog</name>
    <message>
        <source>対応を記録する団体</source>
        <extracomment>at most this many hits are listed (a longer list is narrowed by typing more)</extracomment>
        <translation>Organization to log a contact with</translation>
    </message>
    <message>
        <source>団体名などの一部を入力して、団体を選んでください</source>
        <translation>Type part of a name (or number, address …) and choose the organization</translation>
    </message>
    <message>
        <source>対応を記録</source>
        <translation>Log a contact</translation>
    </message>
    <message>
        <source>{count}件のうち{shown}件を表示しています</source>
        <translation>Showing {shown} of {count}</translation>
    </message>
    <message>
        <source>{count}件</source>
        <translation>{count} found</translation>
    </message>
</context>
<context>
    <name>CommitmentDialog</name>
    <message>
        <source>約束・宿題の追加</source>
        <translation>Add a commitment</translation>
    </message>
    <message>
        <source>約束・宿題の編集</source>
        <translation>Edit commitment</translation>
    </message>
    <message>
        <source>（未定）</source>
        <translation>(not decided)</translation>
    </message>
    <message>
        <source>期限なしなら空欄</source>
        <translation>blank if no due date</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>追加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>約束・宿題の内容を入力してください</source>
        <translation>Enter what the commitment is</translation>
    </message>
</context>
<context>
    <name>CommitmentStatus</name>
    <message>
        <source>未着手</source>
        <extracomment>The statuses as shown (the stored values stay Japanese).</extracomment>
        <translation>Not started</translation>
    </message>
    <message>
        <source>対応中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>取り下げ</source>
        <translation>Withdrawn</translation>
    </message>
</context>
<context>
    <name>CommitmentTableModel</name>
    <message>
        <source>期限</source>
        <extracomment>The source of the commitments a handover note makes (the successor&apos;s introduction meeting).</extracomment>
        <translation>Due date</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>（期限なし）</source>
        <translation>(no due date)</translation>
    </message>
    <message>
        <source>（未定）</source>
        <translation>(not decided)</translation>
    </message>
</context>
<context>
    <name>CommitmentsPanel</name>
    <message>
        <source>追加…</source>
        <extracomment>set by a form opened 閲覧専用 (the buttons then stay disabled)</extracomment>
        <translation>Add…</translation>
    </message>
    <message>
        <source>編集…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>選んだ約束・宿題を直す（ダブルクリック・F2でも）</source>
        <translation>Correct the selected commitment (also double-click or F2)</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>選んだ約束・宿題を削除する（Delete）。Ctrl+Zで元に戻せます</source>
        <translation>Delete the selected commitment (Delete). Ctrl+Z undoes it</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>最後に削除した約束・宿題を元に戻す（Ctrl+Z）</source>
        <translation>Bring back the commitment deleted last (Ctrl+Z)</translation>
    </message>
    <message>
        <source>状況を変更</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>選んだ約束・宿題の状況を、左で選んだものにする</source>
        <translation>Set the selected commitment to the status chosen on the left</translation>
    </message>
    <message>
        <source>約束・宿題「{text}」を削除しますか？（元に戻す・Ctrl+Zで戻せます）</source>
        <extracomment>the commitments deleted here, the last one first taken back by 元に戻す</extracomment>
        <translation>Delete the commitment “{text}”? (Undo or Ctrl+Z brings it back)</translation>
    </message>
    <message>
        <source>約束・宿題</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>削除できません</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>もとの引継書</source>
        <translation>the handover note it came from</translation>
    </message>
    <message>
        <source>{day}の引継書（{before}さんから{after}さんへ）</source>
        <translation>the handover note of {day} (from {before} to {after})</translation>
    </message>
    <message>
        <source>この約束・宿題は、{where}でパートナーが同席しなかったために作られた後任の紹介の場です。削除すると、引継書には紹介の予定が削除されたと表示されます。紹介が要らなくなったのなら、状況を「取り下げ」にすることもできます。</source>
        <translation>This commitment is the successor&apos;s introduction meeting, created because the partner was not present at {where}. If you delete it, the handover note will show that the introduction meeting was deleted. If the introduction is no longer needed, you can also set its status to &quot;Withdrawn&quot; instead.</translation>
    </message>
    <message>
        <source>元に戻せません</source>
        <translation>Cannot undo</translation>
    </message>
    <message>
        <source>状況を変更できません</source>
        <translation>Cannot change the status</translation>
    </message>
</context>
<context>
    <name>ConclusionPanel</name>
    <message>
        <source>（選択してください）</source>
        <extracomment>on a recorded row&apos;s text cell: the stored action&apos;s id and its text as recorded</extracomment>
        <translation>(please choose)</translation>
    </message>
    <message>
        <source>例: 2026-03-25</source>
        <translation>e.g. 2026-03-25</translation>
    </message>
    <message>
        <source>今後の方向性</source>
        <translation>Future direction</translation>
    </message>
    <message>
        <source>結論・所見</source>
        <translation>Conclusion and findings</translation>
    </message>
    <message>
        <source>決定日</source>
        <translation>Decided on</translation>
    </message>
    <message>
        <source>改善の取り組み</source>
        <translation>Improvement actions</translation>
    </message>
    <message>
        <source>取り組み</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>担当</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>状況</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>約束・宿題</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>行を追加</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>行を削除</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>約束・宿題にする</source>
        <translation>Make it a commitment</translation>
    </message>
    <message>
        <source>選んだ改善の取り組みを、この事業と主たるパートナーの約束・宿題にする（記録済みの取り組みのみ）</source>
        <translation>Track the selected improvement action as a commitment of this project and its main partner (recorded actions only)</translation>
    </message>
    <message>
        <source>結論を記録</source>
        <translation>Record conclusion</translation>
    </message>
    <message>
        <source>✓ 登録済</source>
        <translation>✓ Tracked</translation>
    </message>
    <message>
        <source>{row}行目の期限: {reason}</source>
        <translation>Due date in row {row}: {reason}</translation>
    </message>
</context>
<context>
    <name>ContactTableModel</name>
    <message>
        <source>氏名</source>
        <extracomment>The record id of a row.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>メール</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>主担当</source>
        <translation>Main contact</translation>
    </message>
</context>
<context>
    <name>ContactsPanel</name>
    <message>
        <source>担当者の入力</source>
        <translation>Contact details</translation>
    </message>
    <message>
        <source>主担当</source>
        <translation>Main contact</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>メール</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>担当者を追加</source>
        <translation>Add contact</translation>
    </message>
    <message>
        <source>選択した担当者を更新</source>
        <translation>Update selected contact</translation>
    </message>
    <message>
        <source>選択した担当者を削除</source>
        <translation>Delete selected contact</translation>
    </message>
    <message>
        <source>更新する担当者を一覧で選んでください</source>
        <translation>Select the contact to update in the list</translation>
    </message>
    <message>
        <source>担当者の削除</source>
        <translation>Delete contact</translation>
    </message>
    <message>
        <source>担当者「{name}」を削除しますか？</source>
        <translation>Delete contact &quot;{name}&quot;?</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>DemoFill</name>
    <message>
        <source>デモデータを入れる</source>
        <translation>Add demo data</translation>
    </message>
    <message>
        <source>操作を試すための架空の団体を {count} 件、担当者と対応記録つきで登録します。
実在の団体ではありません。不要になったらゴミ箱へ移せます。</source>
        <translation>This adds {count} fictitious organizations, with contacts and interactions, for trying the program out.
They are not real groups. Move them to the trash when you no longer need them.</translation>
    </message>
    <message>
        <source>登録する</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>デモデータを登録しています…</source>
        <translation>Adding demo data…</translation>
    </message>
    <message>
        <source>デモデータを登録できませんでした: {reason}</source>
        <translation>The demo data could not be added: {reason}</translation>
    </message>
    <message>
        <source>デモデータを登録できませんでした（{kind}）。詳細はログを確認してください。</source>
        <translation>The demo data could not be added ({kind}). See the log for details.</translation>
    </message>
</context>
<context>
    <name>DropInvalidCheck</name>
    <message>
        <source>誤りのある値を除いて取り込む(&amp;D)</source>
        <translation>Import without the invalid &amp;values</translation>
    </message>
    <message>
        <source>検査数字の合わない法人番号や電話番号でない電話番号などを取り込まずに、団体は登録します。除いた値は「問題のある行」に出ます。団体名の誤りは除けません。</source>
        <translation>Registers the organization without values that fail validation, such as a corporate number whose check digit is wrong or a phone number that is not one. The values left out are listed under “Rows with problems”. An invalid organization name cannot be left out.</translation>
    </message>
    <message>
        <source>金額として読めない値（「＠21,600円ほか」など）や日付として読めない値を取り込まずに、事業は登録します。除いた値は「問題のある行」に出ます。事業名・団体名・年度の誤りは除けません。</source>
        <translation>Registers the projects without values that cannot be read as an amount (such as “＠21,600円ほか”) or as a date. The values left out are listed under “Rows with problems”. Errors in the project title, organization name or fiscal year cannot be left out.</translation>
    </message>
    <message>
        <source>取り込みの確認</source>
        <translation>Checking the import</translation>
    </message>
    <message>
        <source>行をもう一度確かめています…</source>
        <translation>Checking the rows again…</translation>
    </message>
    <message>
        <source>照合に失敗しました（{kind}）。詳細はログを確認してください。</source>
        <translation>Matching failed ({kind}). See the log for details.</translation>
    </message>
</context>
<context>
    <name>DuplicatesView</name>
    <message>
        <source>重複の候補</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>重複の候補の一覧</source>
        <translation>List of possible duplicates</translation>
    </message>
    <message>
        <source>統合…(&amp;M)</source>
        <translation>&amp;Merge…</translation>
    </message>
    <message>
        <source>選んだ組を統合する（Enter・ダブルクリック）</source>
        <translation>Merge the selected pair (Enter, double-click)</translation>
    </message>
    <message>
        <source>再検索(&amp;R)</source>
        <translation>&amp;Search again</translation>
    </message>
    <message>
        <source>重複の候補を探し直す（F5）</source>
        <translation>Search for possible duplicates again (F5)</translation>
    </message>
    <message>
        <source>統合を取り消す(&amp;U)</source>
        <translation>&amp;Undo merge</translation>
    </message>
    <message>
        <source>この画面で最後に行った統合を元に戻す</source>
        <translation>Undo the last merge made in this window</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>重複の候補を探せませんでした（{kind}）。詳細はログを確認してください。</source>
        <translation>Could not search for possible duplicates ({kind}). See the log for details.</translation>
    </message>
    <message>
        <source>重複の候補を探せませんでした: {reason}</source>
        <translation>Could not search for possible duplicates: {reason}</translation>
    </message>
    <message>
        <source>同じ法人番号・名称・電話番号・メールアドレス、またはよく似た名称の団体の組です。同じ団体の組を選んで「統合…」を押すと（ダブルクリックまたはEnterでも）、一つにまとめられます。別の団体の組は「重複ではない」（Delete）で候補から外せます。確からしい組から順に並びます。</source>
        <translation>Pairs of organizations with the same corporate number, name, phone number or e-mail address, or very similar names. Select a pair of one group and press &quot;Merge…&quot; (or double-click, or Enter) to make it one record. A pair of different groups can be taken off the list with &quot;Not a duplicate&quot; (Delete). The likeliest pairs come first.</translation>
    </message>
    <message>
        <source>重複ではない(&amp;N)</source>
        <translation>&amp;Not a duplicate</translation>
    </message>
    <message>
        <source>選んだ組を別の団体と記録し、候補に出さない（Delete）</source>
        <translation>Record the selected pair as different groups and never propose it again (Delete)</translation>
    </message>
    <message>
        <source>候補 {n} 組</source>
        <translation>{n} possible pairs</translation>
    </message>
    <message>
        <source>重複の候補はありません</source>
        <translation>No possible duplicates</translation>
    </message>
    <message>
        <source>「{other}」を「{keep}」に統合したのを元に戻す</source>
        <translation>Undo merging &quot;{other}&quot; into &quot;{keep}&quot;</translation>
    </message>
    <message>
        <source>団体を読み込めませんでした: {reason}</source>
        <translation>Could not load the organizations: {reason}</translation>
    </message>
    <message>
        <source>「{other}」を「{keep}」に統合しました。元に戻すには「統合を取り消す」を押してください。</source>
        <translation>Merged &quot;{other}&quot; into &quot;{keep}&quot;. To reverse it, press &quot;Undo merge&quot;.</translation>
    </message>
    <message>
        <source>「重複ではない」と記録できませんでした: {reason}</source>
        <translation>Could not record &quot;not a duplicate&quot;: {reason}</translation>
    </message>
    <message>
        <source>「重複ではない」と記録できませんでした（{kind}）。詳細はログを確認してください。</source>
        <translation>Could not record &quot;not a duplicate&quot; ({kind}). See the log for details.</translation>
    </message>
    <message>
        <source>「{a}」と「{b}」は別の団体と記録しました。今後は候補に出しません。</source>
        <translation>Recorded &quot;{a}&quot; and &quot;{b}&quot; as different groups. They will not be proposed again.</translation>
    </message>
    <message>
        <source>統合を取り消しています…</source>
        <translation>Undoing the merge…</translation>
    </message>
    <message>
        <source>統合を取り消しました。「{other}」と「{keep}」は別の団体に戻りました。</source>
        <translation>Merge undone. &quot;{other}&quot; and &quot;{keep}&quot; are separate organizations again.</translation>
    </message>
    <message>
        <source>統合を取り消せませんでした: {reason}</source>
        <translation>Could not undo the merge: {reason}</translation>
    </message>
    <message>
        <source>バックアップを作成できなかったため、取り消しませんでした: {reason}</source>
        <translation>The merge was not undone because no backup could be made: {reason}</translation>
    </message>
    <message>
        <source>統合を取り消せませんでした（{kind}）。詳細はログを確認してください。</source>
        <translation>Could not undo the merge ({kind}). See the log for details.</translation>
    </message>
</context>
<context>
    <name>EmptyRegistryGuide</name>
    <message>
        <source>団体台帳にはまだ団体がありません</source>
        <extracomment>How many demo organizations the guide&apos;s button adds (about a second of work). The progress dialog appears only when the demo data takes longer than this.</extracomment>
        <translation>The registry holds no organizations yet</translation>
    </message>
    <message>
        <source>次のどれかから始めてください。</source>
        <translation>Begin with one of these:</translation>
    </message>
    <message>
        <source>新規登録</source>
        <translation>New organization</translation>
    </message>
    <message>
        <source>団体を一件ずつ入力して登録します（Ctrl+N）。</source>
        <translation>Enter organizations one at a time (Ctrl+N).</translation>
    </message>
    <message>
        <source>ファイルから取り込む</source>
        <translation>Import from a file</translation>
    </message>
    <message>
        <source>NPO法人ポータルサイトのCSVや、手元のExcel・CSVの名簿から取り込みます（Ctrl+I）。</source>
        <translation>Bring in the NPO portal&apos;s CSV or your own Excel or CSV lists (Ctrl+I).</translation>
    </message>
    <message>
        <source>デモデータを入れる</source>
        <translation>Add demo data</translation>
    </message>
    <message>
        <source>操作を試すための架空の団体を {count} 件入れます（あとでゴミ箱へ移せます）。</source>
        <translation>Add {count} fictitious organizations to try the program out (you can move them to the trash later).</translation>
    </message>
    <message>
        <source>閲覧専用で開いているため、登録や取り込みはできません。</source>
        <translation>This window is read-only: nothing can be added or imported.</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>空欄可（同じ区分に複数の評価者がいるときに区別）</source>
        <translation>Optional (tells apart several evaluators of one side)</translation>
    </message>
    <message>
        <source>例: 2026-03-15</source>
        <translation>e.g. 2026-03-15</translation>
    </message>
    <message>
        <source>評価者区分</source>
        <translation>Evaluator side</translation>
    </message>
    <message>
        <source>評価者名</source>
        <translation>Evaluator name</translation>
    </message>
    <message>
        <source>評価日</source>
        <translation>Evaluation date</translation>
    </message>
    <message>
        <source>総合評価</source>
        <translation>Overall grade</translation>
    </message>
    <message>
        <source>全体のコメント</source>
        <translation>Overall comment</translation>
    </message>
    <message>
        <source>コメント</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>（未選択）</source>
        <translation>(none chosen)</translation>
    </message>
    <message>
        <source>未回答</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source> 点</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>0〜{maximum}点</source>
        <translation>0–{maximum} points</translation>
    </message>
</context>
<context>
    <name>EvaluationAction</name>
    <message>
        <source>未着手</source>
        <extracomment>The states of an improvement action (services.evaluation_records.ACTION_STATUSES), for lupdate.</extracomment>
        <translation>Not started</translation>
    </message>
    <message>
        <source>対応中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>EvaluationDue</name>
    <message>
        <source>段階が評価</source>
        <extracomment>The reasons, stored words the tab translates (context ``EvaluationDue``).</extracomment>
        <translation>At the evaluation stage</translation>
    </message>
    <message>
        <source>最終評価が未提出</source>
        <translation>Final evaluation not submitted</translation>
    </message>
    <message>
        <source>中間評価の時期</source>
        <translation>Mid-term evaluation due</translation>
    </message>
</context>
<context>
    <name>EvaluationFormActions</name>
    <message>
        <source>評価シートを書き出す（団体・第三者用）…</source>
        <translation>Export evaluation form (for partner or third party)…</translation>
    </message>
    <message>
        <source>事業タブで選んだ事業の評価シート（Excel）を書き出す</source>
        <translation>Export the evaluation form (Excel) of the project selected in the Projects tab</translation>
    </message>
    <message>
        <source>記入済み評価シートを取り込む…</source>
        <translation>Import filled-in evaluation form…</translation>
    </message>
    <message>
        <source>評価シートを書き出す</source>
        <translation>Export evaluation form</translation>
    </message>
    <message>
        <source>評価シートを書き出す事業を、事業タブの一覧で選んでから、もう一度選んでください。</source>
        <translation>Select the project in the list of the Projects tab first, then choose this again.</translation>
    </message>
</context>
<context>
    <name>EvaluationHidden</name>
    <message>
        <source>未提出</source>
        <extracomment>The sides in the order every column, chart and legend uses (colours stay with a side). Why the mutual view hides a side (services.evaluations_mutual&apos;s words), for lupdate to find.</extracomment>
        <translation>Not submitted</translation>
    </message>
    <message>
        <source>ブラインド: 他の評価者区分の提出を待っています</source>
        <translation>Blind: waiting for the other sides to submit</translation>
    </message>
</context>
<context>
    <name>EvaluationHistory</name>
    <message>
        <source>非表示</source>
        <translation>Hidden</translation>
    </message>
</context>
<context>
    <name>EvaluationTerm</name>
    <message>
        <source>協働のプロセス</source>
        <translation>Collaboration process</translation>
    </message>
    <message>
        <source>事業の成果</source>
        <translation>Project results</translation>
    </message>
    <message>
        <source>協働のポイント</source>
        <translation>Collaboration points</translation>
    </message>
    <message>
        <source>基本的事項</source>
        <extracomment>How each of the six points is asked again at evaluation time.</extracomment>
        <translation>Basics</translation>
    </message>
    <message>
        <source>実施プロセス</source>
        <translation>Implementation process</translation>
    </message>
    <message>
        <source>事業の実施効果</source>
        <translation>Effects of the project</translation>
    </message>
    <message>
        <source>中間</source>
        <translation>Mid-term</translation>
    </message>
    <message>
        <source>最終</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>行政</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>団体</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>第三者</source>
        <translation>Third party</translation>
    </message>
    <message>
        <source>5段階</source>
        <translation>5 levels</translation>
    </message>
    <message>
        <source>3段階</source>
        <translation>3 levels</translation>
    </message>
    <message>
        <source>点数</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>拡大</source>
        <translation>Expand</translation>
    </message>
    <message>
        <source>改善して継続</source>
        <translation>Continue with improvements</translation>
    </message>
    <message>
        <source>現状のまま継続</source>
        <translation>Continue as is</translation>
    </message>
    <message>
        <source>中止・廃止</source>
        <translation>Stop / abolish</translation>
    </message>
    <message>
        <source>予定どおり終了</source>
        <translation>End as planned</translation>
    </message>
    <message>
        <source>想定をはるかに上回った</source>
        <extracomment>The stage a project moves to when the final conclusion is recorded: a project that goes on is reviewed and improved (見直し・改善); one that ends, as planned or abolished after its evaluation, has run its course (終了 — 中止 is for a project stopped before it was evaluated). The 5-level scale of pattern A (某市「協働事業評価書」), value → label, highest first.</extracomment>
        <translation>Far above expectations</translation>
    </message>
    <message>
        <source>想定をやや上回った</source>
        <translation>Somewhat above expectations</translation>
    </message>
    <message>
        <source>想定した範囲</source>
        <translation>As expected</translation>
    </message>
    <message>
        <source>想定をやや下回った</source>
        <translation>Somewhat below expectations</translation>
    </message>
    <message>
        <source>はるかに低い</source>
        <translation>Far below</translation>
    </message>
    <message>
        <source>適切</source>
        <extracomment>The 3-level scale of pattern B (浦安市 協働提案事業評価書), value → label, highest first.</extracomment>
        <translation>Appropriate</translation>
    </message>
    <message>
        <source>概ね適切</source>
        <translation>Mostly appropriate</translation>
    </message>
    <message>
        <source>あまり適切ではなかった</source>
        <translation>Not very appropriate</translation>
    </message>
    <message>
        <source>優良</source>
        <extracomment>総合評価 of pattern B, short words (stored) highest first.</extracomment>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>良好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>改善が必要</source>
        <translation>Needs improvement</translation>
    </message>
    <message>
        <source>優良な協働事業として評価できる</source>
        <extracomment>The sentence each grade stands for on the printed form (浦安市&apos;s wording).</extracomment>
        <translation>Can be rated an excellent collaborative project</translation>
    </message>
    <message>
        <source>良好な協働事業である</source>
        <translation>A good collaborative project</translation>
    </message>
    <message>
        <source>協働事業として継続するには内容等の改善が必要である</source>
        <translation>Needs improvement to continue as a collaborative project</translation>
    </message>
</context>
<context>
    <name>EvaluationsPage</name>
    <message>
        <source>入力</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>相互評価</source>
        <translation>Mutual view</translation>
    </message>
    <message>
        <source>結論</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>履歴</source>
        <translation>History</translation>
    </message>
    <message>
        <source>提出を取り消す</source>
        <translation>Withdraw submission</translation>
    </message>
    <message>
        <source>下書き保存</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>提出</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>左の一覧から事業を選んでください</source>
        <translation>Choose a project from the list on the left</translation>
    </message>
    <message>
        <source>{title}（{year}・{partner}）&#x3000;段階: {stage}</source>
        <translation>{title} ({year}, {partner})   Stage: {stage}</translation>
    </message>
    <message>
        <source>事業の段階: {stage}</source>
        <translation>Project stage: {stage}</translation>
    </message>
    <message>
        <source>未入力</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>提出済み（{total}）</source>
        <translation>Submitted ({total})</translation>
    </message>
    <message>
        <source>下書き（{total}）</source>
        <translation>Draft ({total})</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>一覧（印刷用: 主な列、A4横）</source>
        <extracomment>The layouts as ``services.export_xlsx`` names them, 一覧 first (the window&apos;s default). ``settings.json`` keys of the layout and the extra sheets chosen last.</extracomment>
        <translation>List (for printing: main columns, A4 landscape)</translation>
    </message>
    <message>
        <source>全項目（再インポート用: すべての列とID）</source>
        <translation>All fields (for re-import: every column and the ID)</translation>
    </message>
    <message>
        <source>連絡先のシートを加える</source>
        <translation>Add a sheet of contacts</translation>
    </message>
    <message>
        <source>対応記録のシートを加える</source>
        <translation>Add a sheet of interactions</translation>
    </message>
    <message>
        <source>事業一覧・公平性チェック・評価サマリーのシートも書き出す</source>
        <translation>Also write the project list, fairness check and evaluation summary sheets</translation>
    </message>
    <message>
        <source>すべての事業が載ります（絞り込んだ団体の事業だけではありません）</source>
        <translation>Lists every project (not only those of the organizations filtered)</translation>
    </message>
    <message>
        <source>Excelに書き出す</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <source>書き出す形式:</source>
        <translation>Layout:</translation>
    </message>
    <message>
        <source>Excel ブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>{name} に書き出しています…</source>
        <translation>Exporting to {name}…</translation>
    </message>
    <message>
        <source>{count} 件を書き出しました。
{path}</source>
        <translation>Exported {count} organizations.
{path}</translation>
    </message>
    <message>
        <source>Excel書き出しの機能を読み込めませんでした。</source>
        <translation>Could not load the Excel export.</translation>
    </message>
    <message>
        <source>ファイルを書き込めませんでした: {reason}</source>
        <translation>The file could not be written: {reason}</translation>
    </message>
    <message>
        <source>書き出しに失敗しました（{kind}）。詳細はログを確認してください。</source>
        <translation>Export failed ({kind}). See the log for details.</translation>
    </message>
</context>
<context>
    <name>ExportFormDialog</name>
    <message>
        <source>評価シートを書き出す</source>
        <extracomment>used when the caller gives no task group and its window has none (kept until the app ends)</extracomment>
        <translation>Export evaluation form</translation>
    </message>
    <message>
        <source>事業: {title}</source>
        <translation>Project: {title}</translation>
    </message>
    <message>
        <source>団体（パートナー）</source>
        <translation>Organization (partner)</translation>
    </message>
    <message>
        <source>第三者（評価委員など）</source>
        <translation>Third party (evaluation committee etc.)</translation>
    </message>
    <message>
        <source>記入する人:</source>
        <translation>Filled in by:</translation>
    </message>
    <message>
        <source>年度:</source>
        <translation>Fiscal year:</translation>
    </message>
    <message>
        <source>最終評価</source>
        <translation>Final evaluation</translation>
    </message>
    <message>
        <source>中間評価</source>
        <translation>Mid-term evaluation</translation>
    </message>
    <message>
        <source>評価の時期:</source>
        <translation>Phase:</translation>
    </message>
</context>
<context>
    <name>FairnessPanel</name>
    <message>
        <source>公平性の確認（固定化の防止）</source>
        <extracomment>how long after the last change the panel reads again</extracomment>
        <translation>Fairness check (avoiding fixed partners)</translation>
    </message>
    <message>
        <source>「{name}」と{section}の直近5年度（この事業を含む）</source>
        <translation>&quot;{name}&quot; with {section} over the last five fiscal years (this project included)</translation>
    </message>
    <message>
        <source>注意: {flags}</source>
        <translation>Attention: {flags}</translation>
    </message>
    <message>
        <source>同じ市町村・活動分野の他の団体: {names}</source>
        <translation>Other organizations in the same municipality and activity field: {names}</translation>
    </message>
    <message>
        <source>同じ市町村・活動分野の他の団体は台帳にありません</source>
        <translation>No other organization in the same municipality and activity field is registered</translation>
    </message>
    <message>
        <source>パートナーを加えると、その団体とこの担当課の過去5年度の実績を表示します。</source>
        <translation>Add a partner to see its record with this section over the past five fiscal years.</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>事業</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>予算（円）</source>
        <translation>Budget (yen)</translation>
    </message>
    <message>
        <source>割合</source>
        <translation>Share</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>取り込むファイルを選ぶ</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>NPO法人ポータルサイトの「行政入力情報」CSV、または団体の一覧（Excel・CSV）を選んでください。内容を確かめて「取り込む」を押すまで、何も保存しません。</source>
        <translation>Choose the &quot;administrative input&quot; CSV of the NPO portal site, or a list of organizations (Excel or CSV). Nothing is saved until you have checked the contents and pressed &quot;Import&quot;.</translation>
    </message>
    <message>
        <source>ファイルの場所（貼り付け・ドラッグ＆ドロップ・「参照…」で指定）</source>
        <translation>File location (paste, drag and drop, or &quot;Browse…&quot;)</translation>
    </message>
    <message>
        <source>参照(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>ファイル(&amp;F):</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>形式:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>シート(&amp;S):</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <source>NPOポータルCSVの取り込み方</source>
        <translation>How to import the NPO portal CSV</translation>
    </message>
    <message>
        <source>全国</source>
        <translation>All of Japan</translation>
    </message>
    <message>
        <source>都道府県(&amp;P):</source>
        <translation>&amp;Prefecture:</translation>
    </message>
    <message>
        <source>この都道府県の法人だけを取り込みます（空欄: 全国）</source>
        <translation>Only corporations in this prefecture are imported (blank: all of Japan)</translation>
    </message>
    <message>
        <source>解散した法人は取り込まない(&amp;D)</source>
        <translation>Skip &amp;dissolved corporations</translation>
    </message>
    <message>
        <source>過去の事業の一覧（補助金・委託契約などのExcel・CSV。1 行が 1 事業）を選んでください。内容を確かめて「取り込む」を押すまで、何も保存しません。</source>
        <translation>Choose a list of past projects (an Excel or CSV list of subsidies, contracts and the like; one row per project). Nothing is saved until you have checked the contents and pressed “Import”.</translation>
    </message>
    <message>
        <source>取り込めるファイル:
・課の補助金・委託契約などの一覧のExcelブック（.xlsx）やCSV — 見出し（事業名、契約の相手方、法人番号、契約金額、契約締結日 など）がある表。表題の行や 2 行の見出しがあっても構いません
・相手方は法人番号、次に団体名で台帳の団体と照合し、台帳にない団体はこの取り込みで登録します</source>
        <translation>Files you can import:
• A section&apos;s list of subsidies, contracts and the like as an Excel workbook (.xlsx) or CSV — a table with headings (project title, contractor, corporate number, contract amount, contract date …). A title row or a two-row heading is fine
• Partners are matched to the registry by corporate number, then by name; organizations not in the registry are registered by this import</translation>
    </message>
    <message>
        <source>取り込めるファイル:
・NPO法人ポータルサイトからダウンロードした「行政入力情報」のCSV（そのままの形で）
・団体の一覧のExcelブック（.xlsx）やCSV — 1 行目に見出し（団体名、電話、メール など）がある表
・この画面の「Excelに書き出す」で保存した団体一覧（編集した内容が登録済みの団体に反映されます）</source>
        <translation>Files you can import:
• the &quot;administrative input&quot; CSV downloaded from the NPO portal site (as it is)
• an Excel workbook (.xlsx) or CSV listing organizations — a table with headings (name, phone, email …) in its first row
• an organization list saved with &quot;Export to Excel&quot; in this program (your edits update the registered organizations)</translation>
    </message>
    <message>
        <source>過去の事業の取り込み</source>
        <translation>Import past projects</translation>
    </message>
    <message>
        <source>団体の取り込み</source>
        <translation>Import organizations</translation>
    </message>
    <message>
        <source>フォルダではなくファイルを選んでください</source>
        <translation>Choose a file, not a folder</translation>
    </message>
    <message>
        <source>通常のファイルではありません（名前付きパイプ、デバイスなど）</source>
        <translation>Not a regular file (a named pipe, a device …)</translation>
    </message>
    <message>
        <source>ファイルが見つかりません</source>
        <translation>File not found</translation>
    </message>
    <message>
        <source>Excel ブック</source>
        <translation>Excel workbook</translation>
    </message>
    <message>
        <source>NPO法人ポータルサイトのCSV（行政入力情報）</source>
        <translation>NPO portal site CSV (administrative input)</translation>
    </message>
    <message>
        <source>CSV（団体の一覧）</source>
        <translation>CSV (list of organizations)</translation>
    </message>
    <message>
        <source>{what}に失敗しました（{kind}）。詳細はログを確認してください。</source>
        <translation>{what} failed ({kind}). See the log for details.</translation>
    </message>
    <message>
        <source>ファイルを読めません: {reason}</source>
        <translation>The file cannot be read: {reason}</translation>
    </message>
    <message>
        <source>取り込めない種類のファイルのようです（.csv か .xlsx を選んでください）</source>
        <translation>This does not look like a file that can be imported (choose a .csv or .xlsx file)</translation>
    </message>
    <message>
        <source>取り込めるファイル ({patterns});;NPOポータルCSV (*.csv);;Excel ブック (*.xlsx *.xlsm);;すべてのファイル (*)</source>
        <translation>Importable files ({patterns});;NPO portal CSV (*.csv);;Excel workbook (*.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <source>シートを確認しています…</source>
        <translation>Checking the sheets…</translation>
    </message>
    <message>
        <source>シートの確認</source>
        <translation>Checking sheets</translation>
    </message>
    <message>
        <source>ファイルが見つかりません: {path}</source>
        <translation>File not found: {path}</translation>
    </message>
    <message>
        <source>ファイルの読み込み</source>
        <translation>Reading the file</translation>
    </message>
    <message>
        <source>{name} を読み込み、登録済みの団体と照合しています…</source>
        <translation>Reading {name} and matching it against the registered organizations…</translation>
    </message>
    <message>
        <source>{name} を読み込んでいます…</source>
        <translation>Reading {name}…</translation>
    </message>
    <message>
        <source>読み込み</source>
        <translation>Reading</translation>
    </message>
</context>
<context>
    <name>FixedValuesBox</name>
    <message>
        <source>すべての行に同じ値を入れる</source>
        <extracomment>The fields chosen from their vocabulary, in the order shown. The fields typed as text.</extracomment>
        <translation>Give every row the same value</translation>
    </message>
    <message>
        <source>（ファイルのまま）</source>
        <translation>(as in the file)</translation>
    </message>
    <message>
        <source>例: 市民協働課</source>
        <translation>e.g. 市民協働課</translation>
    </message>
    <message>
        <source>例: 令和6年度</source>
        <translation>e.g. 令和6年度</translation>
    </message>
    <message>
        <source>一覧にない項目を全行に入れます（例: 随意契約の一覧なら 選定方法=随意契約）。同じ項目の列を選んでいても、ここで選んだ値が優先されます。</source>
        <translation>Fills in a field the list does not have, on every row (e.g. selection method = discretionary contract for a list of discretionary contracts). A value chosen here takes precedence over a column mapped to the same field.</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <source>形態</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>事業をどの形態で行うかを選びます。</source>
        <translation>Choose the form in which the project is carried out.</translation>
    </message>
    <message>
        <source>マニュアルの表では{kinds}の形態例です</source>
        <translation>The manual&apos;s table lists this form under {kinds}</translation>
    </message>
    <message>
        <source>。</source>
        <translation>. </translation>
    </message>
    <message>
        <source>形態だけでは関係の種類は決まりません。</source>
        <translation>The form alone does not decide the kind of relationship. </translation>
    </message>
    <message>
        <source>選んだ関係の種類（{kind}）と合っているか確かめてください。</source>
        <translation>Check that it fits the kind of relationship chosen ({kind}).</translation>
    </message>
    <message>
        <source>形態を選んでください</source>
        <translation>Choose a form</translation>
    </message>
</context>
<context>
    <name>HandoverDossier</name>
    <message>
        <source>（記録から作成した資料はありません）</source>
        <translation>(No dossier compiled from the records)</translation>
    </message>
    <message>
        <source>記録から作成（{day}時点）</source>
        <translation>Compiled from the records (as of {day})</translation>
    </message>
    <message>
        <source>今後の期日</source>
        <translation>Next dates</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <source>未了事項</source>
        <translation>Open items</translation>
    </message>
    <message>
        <source>（期限超過）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>事業</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>主な連絡先</source>
        <translation>Key contacts</translation>
    </message>
    <message>
        <source>経過</source>
        <translation>Timeline</translation>
    </message>
</context>
<context>
    <name>HandoverExport</name>
    <message>
        <source>引継書をExcelに書き出す</source>
        <translation>Export the handover note to Excel</translation>
    </message>
    <message>
        <source>引継書</source>
        <translation>Handover notes</translation>
    </message>
    <message>
        <source>Excelブック (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>HandoverPage</name>
    <message>
        <source>新しい引継書…</source>
        <translation>New handover note…</translation>
    </message>
    <message>
        <source>引継ぎの予定</source>
        <translation>Pending handovers</translation>
    </message>
    <message>
        <source>ダブルクリックでこの職員の引継書を作成します</source>
        <translation>Double-click to make a handover note for this officer</translation>
    </message>
    <message>
        <source>注意</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>引継書</source>
        <translation>Handover notes</translation>
    </message>
    <message>
        <source>引継日</source>
        <translation>Handover date</translation>
    </message>
    <message>
        <source>前任 → 後任</source>
        <translation>From → to</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>版</source>
        <translation>Rev.</translation>
    </message>
    <message>
        <source>{name}&#x3000;異動日 {day}&#x3000;未引継 {count}件</source>
        <translation>{name}  transfer {day}  {count} not handed over</translation>
    </message>
    <message>
        <source>異動予定の職員の未引継はありません</source>
        <translation>No transferring officer has anything left to hand over</translation>
    </message>
    <message>
        <source>注意することはありません</source>
        <translation>No alerts</translation>
    </message>
</context>
<context>
    <name>HandoverPdf</name>
    <message>
        <source>引継書をPDFに書き出す</source>
        <extracomment>Japanese fonts in the order tried: Windows&apos; 游ゴシック and メイリオ, then what Linux has.</extracomment>
        <translation>Export the handover note as PDF</translation>
    </message>
    <message>
        <source>引継書</source>
        <translation>Handover notes</translation>
    </message>
    <message>
        <source>PDFファイル (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Headline</name>
    <message>
        <source>事業</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>行政負担額</source>
        <translation>Administration&apos;s share</translation>
    </message>
    <message>
        <source>評価の予定</source>
        <translation>Due for evaluation</translation>
    </message>
    <message>
        <source>引継書のない異動</source>
        <translation>Transfers without a signed handover</translation>
    </message>
    <message>
        <source>新規登録団体</source>
        <translation>New organizations</translation>
    </message>
    <message>
        <source>{n}件</source>
        <translation>{n}</translation>
    </message>
    <message>
        <source>{n}人</source>
        <translation>{n} people</translation>
    </message>
    <message>
        <source>{n}団体</source>
        <translation>{n} groups</translation>
    </message>
    <message>
        <source>{n}円</source>
        <translation>¥{n}</translation>
    </message>
    <message>
        <source>{n}万円</source>
        <translation>¥{n}×10,000</translation>
    </message>
    <message>
        <source>前年度 {previous}</source>
        <translation>Last year {previous}</translation>
    </message>
    <message>
        <source>{arrow}{difference}</source>
        <translation>{arrow}{difference}</translation>
    </message>
    <message>
        <source>{label}: {value}（前年度 {previous}）</source>
        <translation>{label}: {value} (last year {previous})</translation>
    </message>
    <message>
        <source>クリックで開きます</source>
        <translation>Click to open</translation>
    </message>
    <message>
        <source>事業（関係別）</source>
        <translation>Projects (by kind)</translation>
    </message>
</context>
<context>
    <name>HeadlineStrip</name>
    <message>
        <source>今年度の集計を読み込めませんでした: {reason}</source>
        <translation>This year&apos;s figures could not be read: {reason}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>変更履歴（台帳全体）</source>
        <translation>Change history (whole registry)</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>時期</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>今後の方向性</source>
        <translation>Future direction</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>選んだ変更の前の値に戻します（後の変更が同じ項目を変えていない場合）</source>
        <translation>Puts back the values from before the selected change (when no later change altered the same fields)</translation>
    </message>
    <message>
        <source>再読み込み</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>団体「{name}」の次の変更を元に戻しますか？

{changes}</source>
        <translation>Undo this change of the organization &quot;{name}&quot;?

{changes}</translation>
    </message>
    <message>
        <source>元に戻しました（団体「{name}」、版 {version}）</source>
        <translation>Undone (organization &quot;{name}&quot;, version {version})</translation>
    </message>
    <message>
        <source>元に戻しました（団体「{name}」）</source>
        <translation>Undone (organization “{name}”)</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <source>日時</source>
        <extracomment>The entry of a row (``HistoryEntry``), for the view&apos;s 元に戻す. How many rows one read fetches around the row asked for.</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <source>職員</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>対象</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>変更内容（変更前 → 変更後）</source>
        <translation>Changes (old → new)</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>対応記録</source>
        <translation>Interaction log</translation>
    </message>
    <message>
        <source>事業</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>登録</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>ゴミ箱へ移動</source>
        <translation>Moved to the trash</translation>
    </message>
    <message>
        <source>ゴミ箱から戻す</source>
        <translation>Restore from trash</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>統合</source>
        <translation>Merged</translation>
    </message>
    <message>
        <source>統合された</source>
        <translation>Merged into another</translation>
    </message>
    <message>
        <source>統合の取り消し</source>
        <translation>Merge undone</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重複ではないと記録</source>
        <translation>Marked as not a duplicate</translation>
    </message>
    <message>
        <source>重複ではないを取り消し</source>
        <translation>Not-a-duplicate mark withdrawn</translation>
    </message>
    <message>
        <source>段階の変更</source>
        <translation>Stage change</translation>
    </message>
    <message>
        <source>経過の記録</source>
        <translation>Progress entry</translation>
    </message>
    <message>
        <source>経過記録の修正</source>
        <translation>Progress entry correction</translation>
    </message>
    <message>
        <source>修正</source>
        <extracomment>Actions of a child record said in their own words (an interaction&apos;s ``update`` is a 修正).</extracomment>
        <translation>Corrected</translation>
    </message>
    <message>
        <source>修正を元に戻す</source>
        <translation>Correction undone</translation>
    </message>
    <message>
        <source>氏名</source>
        <extracomment>Labels of contact and interaction fields (an organization&apos;s come from the import targets).</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>メールアドレス</source>
        <translation>Email address</translation>
    </message>
    <message>
        <source>主担当</source>
        <translation>Main contact</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>担当職員</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <source>次の対応日</source>
        <translation>Next action date</translation>
    </message>
    <message>
        <source>先方の担当者</source>
        <translation>Their contact person</translation>
    </message>
    <message>
        <source>ゴミ箱</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>統合先</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <source>最終接触日</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>重複ではない相手</source>
        <translation>Not a duplicate of</translation>
    </message>
    <message>
        <source>担当者の指定を外した対応記録</source>
        <translation>Records unlinked from their contact person</translation>
    </message>
    <message>
        <source>移した約束・宿題</source>
        <translation>Moved commitments</translation>
    </message>
    <message>
        <source>移した引継書の項目</source>
        <translation>Moved handover items</translation>
    </message>
    <message>
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <source>{count} 件</source>
        <translation>{count}</translation>
    </message>
</context>
<context>
    <name>HomeTab</name>
    <message>
        <source>新しい団体</source>
        <extracomment>the year&apos;s headline figures (hidden until their first read)</extracomment>
        <translation>New organization</translation>
    </message>
    <message>
        <source>新しい事業</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>対応を記録</source>
        <translation>Log a contact</translation>
    </message>
    <message>
        <source>自分の担当だけ</source>
        <translation>Only mine</translation>
    </message>
    <message>
        <source>担当の団体・主担当の事業と、自分の約束・異動だけを表示します（オフで全員分）</source>
        <translation>Shows only the organizations you are responsible for, the projects you lead, your promises and your transfer (off: everyone&apos;s)</translation>
    </message>
    <message>
        <source>読み込み中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>全員分を表示しています。職員の設定で自分を選ぶと、自分の担当だけに絞り込めます。</source>
        <translation>Showing everyone&apos;s items. Choose yourself in the officer settings to narrow the list to your own.</translation>
    </message>
    <message>
        <source>ダブルクリックかEnterで開きます</source>
        <translation>Double-click or press Enter to open</translation>
    </message>
    <message>
        <source>今日の予定はありません。期限の近い対応・約束、評価や引継ぎの予定がここに並びます。</source>
        <translation>Nothing due today. Follow-ups and promises coming due, evaluations and handovers are listed here.</translation>
    </message>
    <message>
        <source>{count}件（期限超過 {overdue}件）</source>
        <translation>{count} items ({overdue} overdue)</translation>
    </message>
    <message>
        <source>今日の予定を読み込めませんでした: {reason}</source>
        <translation>Could not read today&apos;s items: {reason}</translation>
    </message>
    <message>
        <source>ホーム</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>ImportAction</name>
    <message>
        <source>新規</source>
        <extracomment>Fields an import may set, in form order (derived columns are recomputed). The key of an import&apos;s ``update`` audit row that holds the record&apos;s ``version`` and ``updated_at`` before it, so that an undo puts them back too (rows before it lack it).</extracomment>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>変更なし</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>ファイル内重複</source>
        <translation>Duplicate in file</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>スキップ</source>
        <translation>Skipped</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>取り込みの履歴</source>
        <translation>Import history</translation>
    </message>
    <message>
        <source>これまでの取り込みです。取り込みを選んで「元に戻す」を押すと、その取り込みで登録した団体を削除し、更新した項目を取り込み前の値に戻します（先にバックアップを作ります）。</source>
        <translation>The imports done so far. Choose one and press Undo to delete the organizations it added and put the fields it updated back to their values before the import (a backup is made first).</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>選んだ取り込みを取り消す</source>
        <translation>Undo the chosen import</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>取り込みの履歴を読めませんでした: {reason}</source>
        <translation>Could not read the import history: {reason}</translation>
    </message>
    <message>
        <source>取り込みの履歴を読めませんでした（{kind}）。詳細はログを確認してください。</source>
        <translation>Could not read the import history ({kind}). See the log for details.</translation>
    </message>
    <message>
        <source>{time} の取り込み「{file}」を取り消しますか？
登録した {created} 件を削除し、更新した {updated} 件を取り込み前の値に戻します。</source>
        <translation>Undo the import of &quot;{file}&quot; at {time}?
The {created} organizations it added are deleted and the {updated} it updated get their values from before the import back.</translation>
    </message>
    <message>
        <source>取り込みの取り消し</source>
        <translation>Undo import</translation>
    </message>
    <message>
        <source>取り消しています…</source>
        <translation>Undoing…</translation>
    </message>
    <message>
        <source>取り込みを取り消しました: 削除 {deleted} 件、元に戻した団体 {restored} 件。</source>
        <translation>Import undone: {deleted} deleted, {restored} organizations restored.</translation>
    </message>
    <message>
        <source>取り消せませんでした: {reason}</source>
        <translation>Could not undo: {reason}</translation>
    </message>
    <message>
        <source>バックアップを作成できなかったため、取り込みを取り消しませんでした: {reason}</source>
        <translation>The import was not undone because no backup could be made: {reason}</translation>
    </message>
    <message>
        <source>取り消せませんでした（{kind}）。詳細はログを確認してください。</source>
        <translation>Could not undo ({kind}). See the log for details.</translation>
    </message>
</context>
<context>
    <name>ImportHistoryModel</name>
    <message>
        <source>日時</source>
        <extracomment>The :class:`ImportRecord` of a row.</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <source>ファイル</source>
        <translation>File</translation>
    </message>
    <message>
        <source>職員</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <source>更新</source>
        <translation>Update</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>事業 {projects} / 団体 {organizations}</source>
        <translation>Projects {projects} / groups {organizations}</translation>
    </message>
    <message>
        <source>取り消し済み</source>
        <translation>Undone</translation>
    </message>
</context>
<context>
    <name>ImportTarget</name>
    <message>
        <source>団体名</source>
        <extracomment>Every importable target with the label shown in the mapping step, in form order.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>法人格</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>法人番号</source>
        <translation>Corporate number</translation>
    </message>
    <message>
        <source>市町村コード</source>
        <translation>Municipality code</translation>
    </message>
    <message>
        <source>市町村</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>郵便番号</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>電話番号</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>FAX</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>メールアドレス</source>
        <translation>Email address</translation>
    </message>
    <message>
        <source>ウェブサイト</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>代表者</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>代表者フリガナ</source>
        <translation>Representative (kana)</translation>
    </message>
    <message>
        <source>活動目的</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>タグ</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>設立日</source>
        <translation>Founded</translation>
    </message>
    <message>
        <source>認証日</source>
        <translation>Certified</translation>
    </message>
    <message>
        <source>会員数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>活動分野</source>
        <translation>Activity fields</translation>
    </message>
    <message>
        <source>事業年度終了日</source>
        <translation>Business year end</translation>
    </message>
    <message>
        <source>認定満了日</source>
        <translation>Certification expiry</translation>
    </message>
    <message>
        <source>ID（協働デスク）</source>
        <translation>ID (Kyodo Desktop)</translation>
    </message>
    <message>
        <source>取り込まない</source>
        <extracomment>The column is not imported (every kind offers it). The label of :data:`IGNORE` in the mapping step.</extracomment>
        <translation>Do not import</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>団体の取り込み</source>
        <translation>Import organizations</translation>
    </message>
    <message>
        <source>&lt; 戻る</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>次へ &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>InteractionKind</name>
    <message>
        <source>面談</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>メール</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>会議</source>
        <translation>Conference</translation>
    </message>
    <message>
        <source>イベント</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>情報交換</source>
        <translation>Information exchange</translation>
    </message>
</context>
<context>
    <name>InteractionTableModel</name>
    <message>
        <source>対応日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>職員</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>次回対応日</source>
        <translation>Next action</translation>
    </message>
    <message>
        <source>先方の担当者</source>
        <translation>Their contact person</translation>
    </message>
</context>
<context>
    <name>InteractionsPanel</name>
    <message>
        <source>対応の記録</source>
        <extracomment>the entry being corrected (None while the form adds a new one)</extracomment>
        <translation>New log entry</translation>
    </message>
    <message>
        <source>未定なら空欄</source>
        <translation>Blank if not decided</translation>
    </message>
    <message>
        <source>対応日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>次回対応日</source>
        <translation>Next action</translation>
    </message>
    <message>
        <source>空欄なら自分の名前</source>
        <translation>Blank for your own name</translation>
    </message>
    <message>
        <source>職員</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>先方の担当者</source>
        <translation>Their contact person</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>記録を追加</source>
        <translation>Add entry</translation>
    </message>
    <message>
        <source>修正をやめる</source>
        <translation>Stop correcting</translation>
    </message>
    <message>
        <source>選択した記録を修正</source>
        <translation>Correct selected record</translation>
    </message>
    <message>
        <source>選択した記録を削除</source>
        <translation>Delete selected entry</translation>
    </message>
    <message>
        <source>（指定なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>対応記録の修正（{day}）</source>
        <translation>Correcting the record of {day}</translation>
    </message>
    <message>
        <source>修正を保存</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <source>対応記録の削除</source>
        <translation>Delete log entry</translation>
    </message>
    <message>
        <source>{day} の対応記録を削除しますか？</source>
        <translation>Delete the log entry of {day}?</translation>
    </message>
    <message>
        <source>削除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>記録から（自動作成）</source>
        <extracomment>The presence choices: not recorded yet, present, absent.</extracomment>
        <translation>From the records (compiled)</translation>
    </message>
    <message>
        <source>経緯</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>合意事項・約束</source>
        <translation>Agreements and promises</translation>
    </message>
    <message>
        <source>未解決の課題</source>
        <translation>Open issues</translation>
    </message>
    <message>
        <source>今後の予定</source>
        <translation>Plans</translation>
    </message>
    <message>
        <source>留意事項</source>
        <translation>Cautions</translation>
    </message>
    <message>
        <source>パートナー同席</source>
        <translation>Partner present</translation>
    </message>
    <message>
        <source>未記録</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>同席した</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>同席しなかった</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>同席しなかった場合は必須</source>
        <translation>Required when the partner was absent</translation>
    </message>
    <message>
        <source>同席</source>
        <translation>Present?</translation>
    </message>
    <message>
        <source>同席日</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>出席者（団体側）</source>
        <translation>Attendees (organization)</translation>
    </message>
    <message>
        <source>同席しなかった理由</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <source>後任への紹介の予定（約束・宿題）は削除されています。</source>
        <translation>The successor&apos;s planned introduction meeting (commitment) has been deleted.</translation>
    </message>
    <message>
        <source>後任への紹介の予定（約束・宿題）: {text}&#x3000;期限 {due}&#x3000;担当 {owner}&#x3000;状態 {status}</source>
        <translation>Introduction to the successor (follow-up task): {text}  due {due}  owner {owner}  status {status}</translation>
    </message>
</context>
<context>
    <name>KindChooser</name>
    <message>
        <source>取り込むもの</source>
        <extracomment>Path-typing pause before the file is looked at (format, sheets).</extracomment>
        <translation>What to import</translation>
    </message>
    <message>
        <source>団体名簿(&amp;O)</source>
        <translation>&amp;Organization list</translation>
    </message>
    <message>
        <source>1 行が 1 団体の一覧。団体台帳に登録・更新します</source>
        <translation>A list with one organization per row; registers or updates organizations in the registry</translation>
    </message>
    <message>
        <source>過去の事業一覧(&amp;J)</source>
        <translation>List of past pro&amp;jects</translation>
    </message>
    <message>
        <source>補助金・委託契約の一覧など、1 行が 1 事業の一覧。相手方は台帳の団体と照合します</source>
        <translation>A list with one project per row, such as subsidies or contracts; partners are matched to the registry&apos;s organizations</translation>
    </message>
</context>
<context>
    <name>KindPage</name>
    <message>
        <source>関係の種類</source>
        <translation>Kind of relationship</translation>
    </message>
    <message>
        <source>四つの問いに答えると、マニュアルの表から「支援」「協働」「外部委託」を勧めます。</source>
        <translation>Answer the four questions and the manual&apos;s table recommends support, collaboration or outsourcing.</translation>
    </message>
    <message>
        <source>この事業の関係の種類</source>
        <translation>This project&apos;s kind of relationship</translation>
    </message>
    <message>
        <source>理由（推奨と異なる種類を選ぶときは必須）</source>
        <translation>Reason (required when choosing a kind other than the recommendation)</translation>
    </message>
    <message>
        <source>すべての問いに答えると、推奨する関係の種類とその理由を表示します。</source>
        <translation>Answer every question to see the recommended kind of relationship and why.</translation>
    </message>
    <message>
        <source>推奨: {kind}</source>
        <translation>Recommended: {kind}</translation>
    </message>
    <message>
        <source>注意: </source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>（引用は千葉県協働推進マニュアル「協働」と「支援」「外部委託」の違い）</source>
        <translation>(Quoted from the Chiba collaboration manual, on the difference between collaboration, support and outsourcing)</translation>
    </message>
    <message>
        <source>関係の種類を選んでください</source>
        <translation>Choose the kind of relationship</translation>
    </message>
</context>
<context>
    <name>LegalForm</name>
    <message>
        <source>特定非営利活動法人</source>
        <translation>Specified nonprofit corporation (NPO)</translation>
    </message>
    <message>
        <source>認定特定非営利活動法人</source>
        <translation>Certified NPO corporation</translation>
    </message>
    <message>
        <source>特例認定特定非営利活動法人</source>
        <translation>Provisionally certified NPO corporation</translation>
    </message>
    <message>
        <source>一般社団法人</source>
        <translation>General incorporated association</translation>
    </message>
    <message>
        <source>一般財団法人</source>
        <translation>General incorporated foundation</translation>
    </message>
    <message>
        <source>公益社団法人</source>
        <translation>Public interest incorporated association</translation>
    </message>
    <message>
        <source>公益財団法人</source>
        <translation>Public interest incorporated foundation</translation>
    </message>
    <message>
        <source>社会福祉法人</source>
        <translation>Social welfare corporation</translation>
    </message>
    <message>
        <source>認可地縁団体</source>
        <translation>Authorized neighborhood association</translation>
    </message>
    <message>
        <source>協同組合</source>
        <translation>Cooperative</translation>
    </message>
    <message>
        <source>株式会社等</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>任意団体</source>
        <translation>Unincorporated group</translation>
    </message>
</context>
<context>
    <name>LogEntryDialog</name>
    <message>
        <source>経過を記録</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <source>経過記録の修正</source>
        <translation>Progress entry correction</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>日付は必須です</source>
        <translation>The date is required</translation>
    </message>
</context>
<context>
    <name>LogTab</name>
    <message>
        <source>追加…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>経過を記録する</source>
        <translation>Record progress</translation>
    </message>
    <message>
        <source>修正…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>選んだ経過記録の日付と内容を直す（ダブルクリックでも）</source>
        <translation>Correct the date and text of the selected progress entry (or double-click it)</translation>
    </message>
    <message>
        <source>保存できません</source>
        <translation>Cannot save</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>協働デスク</source>
        <extracomment>the window&apos;s background work (stopped before the data file is let go)</extracomment>
        <translation>Kyodo Desktop</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>職員の設定…</source>
        <translation>Officer…</translation>
    </message>
    <message>
        <source>職員の一覧（着任日・異動日・後任）…</source>
        <translation>Officers (assignment, transfer, successor)…</translation>
    </message>
    <message>
        <source>重複の候補…</source>
        <translation>Possible duplicates…</translation>
    </message>
    <message>
        <source>同じ団体らしい組を探して統合する</source>
        <translation>Find pairs that look like the same organization and merge them</translation>
    </message>
    <message>
        <source>バージョン情報</source>
        <translation>About</translation>
    </message>
    <message>
        <source>閲覧専用で開いています — {reason}</source>
        <translation>Opened read-only — {reason}</translation>
    </message>
    <message>
        <source>団体台帳</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>事業</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>評価</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>引継ぎ</source>
        <translation>Handover</translation>
    </message>
    <message>
        <source>団体一覧を読み込めませんでした: {reason}</source>
        <translation>The list of organizations could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>表示言語(&amp;L)</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>日本語</source>
        <translation>Japanese</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>職員を設定しました</source>
        <translation>Officer saved</translation>
    </message>
    <message>
        <source>協働デスク（Kyodo Desktop） {version}
市民活動団体・NPOとの協働を記録する職員向けアプリ

Python {python} / PySide6 {pyside}
データフォルダ: {folder}</source>
        <translation>Kyodo Desktop {version}
For officers recording their work with citizen groups and NPOs

Python {python} / PySide6 {pyside}
Data folder: {folder}</translation>
    </message>
    <message>
        <source>保存していない団体の編集があります。破棄して復元しますか？</source>
        <translation>Some organization edits are not saved. Discard them and restore?</translation>
    </message>
    <message>
        <source>破棄して復元</source>
        <translation>Discard and restore</translation>
    </message>
    <message>
        <source>日次バックアップに失敗しました: {error}</source>
        <translation>The daily backup failed: {error}</translation>
    </message>
    <message>
        <source>復元できませんでした: {reason}</source>
        <translation>The backup could not be restored: {reason}</translation>
    </message>
    <message>
        <source>バックアップから復元</source>
        <translation>Restore from a backup</translation>
    </message>
    <message>
        <source>バックアップから復元しました: {name}</source>
        <translation>Restored from the backup: {name}</translation>
    </message>
    <message>
        <source>未保存の変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>保存していない団体の編集があります。破棄して終了しますか？</source>
        <translation>An organization has unsaved edits. Discard them and quit?</translation>
    </message>
    <message>
        <source>破棄して終了</source>
        <translation>Discard and quit</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>列の対応を確かめる</source>
        <translation>Check the columns</translation>
    </message>
    <message>
        <source>ファイルの列ごとに、どの項目として取り込むかを選んでください。見出しから自動で選んであります。</source>
        <translation>For each column of the file, choose the field it is imported into. The choices were made from the headings.</translation>
    </message>
    <message>
        <source>テンプレート(&amp;T):</source>
        <translation>&amp;Template:</translation>
    </message>
    <message>
        <source>名前(&amp;N):</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>例: 市民活動団体名簿</source>
        <translation>e.g. Citizen group list</translation>
    </message>
    <message>
        <source>テンプレートとして保存</source>
        <translation>Save as template</translation>
    </message>
    <message>
        <source>例: 随意契約の一覧</source>
        <translation>e.g. discretionary contracts list</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>ファイルの見出し</source>
        <translation>Heading in the file</translation>
    </message>
    <message>
        <source>例</source>
        <translation>Example</translation>
    </message>
    <message>
        <source>取り込み先</source>
        <translation>Import into</translation>
    </message>
    <message>
        <source>（見出しなし）</source>
        <translation>(no heading)</translation>
    </message>
    <message>
        <source>「{header}」の取り込み先</source>
        <translation>Field for &quot;{header}&quot;</translation>
    </message>
    <message>
        <source>（テンプレートを選ぶ）</source>
        <translation>(choose a template)</translation>
    </message>
    <message>
        <source>（保存したテンプレートはありません）</source>
        <translation>(no saved templates)</translation>
    </message>
    <message>
        <source>テンプレート「{name}」の対応を選びました。</source>
        <translation>The columns of template &quot;{name}&quot; were chosen.</translation>
    </message>
    <message>
        <source>テンプレートの名前を入力してください。</source>
        <translation>Enter a name for the template.</translation>
    </message>
    <message>
        <source>テンプレート「{name}」は既にあります。今の列の対応で置き換えますか？</source>
        <translation>Template &quot;{name}&quot; exists already. Replace it with the current columns?</translation>
    </message>
    <message>
        <source>置き換える</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>テンプレート「{name}」を保存しました。次回から「テンプレート」で選べます。</source>
        <translation>Template &quot;{name}&quot; saved. From now on you can choose it under &quot;Template&quot;.</translation>
    </message>
    <message>
        <source>取り込む内容の確認</source>
        <translation>Checking what to import</translation>
    </message>
    <message>
        <source>{count} 行を確かめ、登録済みの団体と照合しています…</source>
        <translation>Checking {count} rows and matching them against the registered organizations…</translation>
    </message>
    <message>
        <source>照合に失敗しました（{kind}）。詳細はログを確認してください。</source>
        <translation>Matching failed ({kind}). See the log for details.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>団体の統合</source>
        <translation>Merge organizations</translation>
    </message>
    <message>
        <source>二つの団体を一つにまとめます。残す団体と、値が異なる項目ではどちらの値を使うかを選んでください。空欄の項目には、もう一方の値が入ります。緑の背景の値が、統合後に残る値です。</source>
        <translation>Two organizations become one. Choose the organization to keep and, where the values differ, which value to use. A blank field takes the other value. Values on a green background are the ones kept after the merge.</translation>
    </message>
    <message>
        <source>残す団体</source>
        <translation>Organization to keep</translation>
    </message>
    <message>
        <source>団体{letter}（{name}）を残す（&amp;{letter}）</source>
        <translation>Keep organization {letter} ({name}) (&amp;{letter})</translation>
    </message>
    <message>
        <source>統合する(&amp;M)</source>
        <translation>&amp;Merge</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>閲覧専用で開いているため統合できません。</source>
        <translation>Opened read-only: cannot merge.</translation>
    </message>
    <message>
        <source>団体「{name}」はゴミ箱にあるか、既に統合されています。一覧を再検索してください。</source>
        <translation>Organization &quot;{name}&quot; is in the trash or merged already. Search the list again.</translation>
    </message>
    <message>
        <source>登録日 {registered}・担当者 {contacts} 名・対応記録 {log} 件</source>
        <translation>Registered {registered} · {contacts} contacts · {log} log entries</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>使う値</source>
        <translation>Value to use</translation>
    </message>
    <message>
        <source>団体{letter}
{summary}</source>
        <translation>Organization {letter}
{summary}</translation>
    </message>
    <message>
        <source>担当職員</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <source>団体Aの値</source>
        <translation>A&apos;s value</translation>
    </message>
    <message>
        <source>団体Bの値</source>
        <translation>B&apos;s value</translation>
    </message>
    <message>
        <source>{label}に使う値</source>
        <translation>Value to use for {label}</translation>
    </message>
    <message>
        <source>（空欄）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <source>同じ値</source>
        <translation>Same value</translation>
    </message>
    <message>
        <source>団体{letter}の値（残す団体）</source>
        <translation>{letter}&apos;s value (kept organization)</translation>
    </message>
    <message>
        <source>団体{letter}の値（空欄を補う）</source>
        <translation>{letter}&apos;s value (fills a blank)</translation>
    </message>
    <message>
        <source>（残す団体）</source>
        <translation>(kept)</translation>
    </message>
    <message>
        <source>団体{letter}の値</source>
        <translation>{letter}&apos;s value</translation>
    </message>
    <message>
        <source>統合すると、団体{other_letter}「{other}」の担当者 {contacts} 名と対応記録 {log} 件が団体{keep_letter}「{keep}」に移ります。</source>
        <translation>Merging moves {contacts} contacts and {log} log entries of organization {other_letter} &quot;{other}&quot; to organization {keep_letter} &quot;{keep}&quot;.</translation>
    </message>
    <message>
        <source>団体{other_letter}「{other}」には、移す担当者も対応記録もありません。</source>
        <translation>Organization {other_letter} &quot;{other}&quot; has no contacts or log entries to move.</translation>
    </message>
    <message>
        <source>団体{other_letter}は台帳から外れます（統合はあとで取り消せます）。</source>
        <translation>Organization {other_letter} leaves the registry (the merge can be undone later).</translation>
    </message>
    <message>
        <source>バックアップを作成して統合しています…</source>
        <translation>Creating a backup and merging…</translation>
    </message>
    <message>
        <source>統合できませんでした: {reason}</source>
        <translation>Could not merge: {reason}</translation>
    </message>
    <message>
        <source>バックアップを作成できなかったため、統合しませんでした: {reason}</source>
        <translation>Nothing was merged because no backup could be made: {reason}</translation>
    </message>
    <message>
        <source>統合できませんでした（{kind}）。詳細はログを確認してください。</source>
        <translation>Could not merge ({kind}). See the log for details.</translation>
    </message>
</context>
<context>
    <name>MutualModel</name>
    <message>
        <source>区分</source>
        <extracomment>True on every cell of a row that is a discussion point.</extracomment>
        <translation>Role</translation>
    </message>
    <message>
        <source>項目</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>差</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>論点</source>
        <translation>Discuss</translation>
    </message>
    <message>
        <source>未提出</source>
        <translation>Not submitted</translation>
    </message>
    <message>
        <source>非表示</source>
        <translation>Hidden</translation>
    </message>
    <message>
        <source>話し合いたい差があります（{pairs}）</source>
        <translation>A gap worth discussing ({pairs})</translation>
    </message>
    <message>
        <source>◆ 論点</source>
        <translation>◆ Discuss</translation>
    </message>
</context>
<context>
    <name>MutualPanel</name>
    <message>
        <source>協働のポイント</source>
        <translation>Collaboration points</translation>
    </message>
    <message>
        <source>目標値と実績</source>
        <translation>Targets and results</translation>
    </message>
    <message>
        <source>目標</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>目標値</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>実績</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>実績を保存</source>
        <translation>Save results</translation>
    </message>
    <message>
        <source>{side} {total}</source>
        <translation>{side} {total}</translation>
    </message>
    <message>
        <source>合計: </source>
        <translation>Totals: </translation>
    </message>
    <message>
        <source>提出済みの評価はまだありません</source>
        <translation>No submitted evaluations yet</translation>
    </message>
    <message>
        <source>&#x3000;加重合計: {value} / {maximum}</source>
        <translation>   Weighted total: {value} / {maximum}</translation>
    </message>
    <message>
        <source>&#x3000;論点: {count} 項目</source>
        <translation>   To discuss: {count} items</translation>
    </message>
    <message>
        <source>非表示: </source>
        <translation>Hidden: </translation>
    </message>
</context>
<context>
    <name>NeedsPage</name>
    <message>
        <source>課題とニーズ</source>
        <extracomment>年度 offered around today&apos;s (older and later ones are added when a project has them)</extracomment>
        <translation>Issues and needs</translation>
    </message>
    <message>
        <source>どんな地域の課題や市民のニーズに応える事業かを書きます。</source>
        <translation>Describe the local issue or residents&apos; need the project answers.</translation>
    </message>
    <message>
        <source>例: 子ども食堂ネットワーク推進事業</source>
        <translation>e.g. Children&apos;s cafeteria network project</translation>
    </message>
    <message>
        <source>事業名</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>担当課</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>主担当の職員</source>
        <translation>Lead officer</translation>
    </message>
    <message>
        <source>現場で聞いた声、データ、これまでの取組で見えた課題など（{kind}）</source>
        <translation>Voices heard on site, data, issues seen in past work ({kind})</translation>
    </message>
    <message>
        <source>活動分野</source>
        <translation>Activity fields</translation>
    </message>
    <message>
        <source>活動分野は、パートナー選定で同じ分野の他の団体を探すときにも使います。</source>
        <translation>The activity fields are also used to find other organizations of the same field when choosing a partner.</translation>
    </message>
    <message>
        <source>{name}（自分）</source>
        <translation>{name} (me)</translation>
    </message>
    <message>
        <source>事業名は必須です</source>
        <translation>The project name is required</translation>
    </message>
    <message>
        <source>担当課を入力してください</source>
        <translation>Enter the section</translation>
    </message>
</context>
<context>
    <name>NewNoteDialog</name>
    <message>
        <source>新しい引継書</source>
        <translation>New handover note</translation>
    </message>
    <message>
        <source>例: 2027-03-25</source>
        <translation>e.g. 2027-03-25</translation>
    </message>
    <message>
        <source>前任（引き継ぐ職員）</source>
        <translation>From (handing over)</translation>
    </message>
    <message>
        <source>後任（引き継がれる職員）</source>
        <translation>To (taking over)</translation>
    </message>
    <message>
        <source>引継日</source>
        <translation>Handover date</translation>
    </message>
    <message>
        <source>引き継ぐ団体・事業</source>
        <translation>Organizations and projects handed over</translation>
    </message>
    <message>
        <source>作成</source>
        <translation>Create</translation>
    </message>
</context>
<context>
    <name>NoteView</name>
    <message>
        <source>Excelに書き出す…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>PDFに書き出す…</source>
        <translation>Export to PDF…</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>署名・確認・版</source>
        <translation>Sign-off, checklist, revisions</translation>
    </message>
    <message>
        <source>団体・事業</source>
        <translation>Organization / project</translation>
    </message>
    <message>
        <source>連絡先の電話・メールを載せる</source>
        <translation>Include the contacts&apos; phone and e-mail</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>版の履歴</source>
        <translation>Revision history</translation>
    </message>
    <message>
        <source>訂正する</source>
        <translation>Correct</translation>
    </message>
    <message>
        <source>署名済の引継書を訂正する新しい版を作ります（元の版は残ります）</source>
        <translation>Makes a new revision correcting the signed note (the old one is kept)</translation>
    </message>
    <message>
        <source>左の一覧から引継書を選ぶか、「新しい引継書」で作成してください。</source>
        <translation>Choose a handover note on the left, or make one with &quot;New handover note&quot;.</translation>
    </message>
    <message>
        <source>引継書 {day}&#x3000;{from_}&#x3000;→&#x3000;{to}&#x3000;第{rev}版（{status}）</source>
        <translation>Handover note {day}  {from_} → {to}  revision {rev} ({status})</translation>
    </message>
    <message>
        <source>この版は{status}のため編集できません（読み取り専用）。直す場合は「訂正する」で新しい版を作ってください。</source>
        <translation>This revision is {status} and cannot be edited (read-only). To change it, make a new revision with &quot;Correct&quot;.</translation>
    </message>
    <message>
        <source>第{rev}版&#x3000;{status}</source>
        <translation>Revision {rev}  {status}</translation>
    </message>
    <message>
        <source>読み取り専用で開いているため確認できません。</source>
        <translation>Opened read-only: the checklist cannot be acknowledged.</translation>
    </message>
    <message>
        <source>確認できるのは後任の{successor}さんだけです（現在の職員: {me}）。職員は「設定 › 職員の設定…」で切り替えられます。</source>
        <translation>Only the successor, {successor}, can acknowledge (current officer: {me}). Change the officer under Settings › Officer…</translation>
    </message>
</context>
<context>
    <name>NoticePanel</name>
    <message>
        <source>最新の内容を開き直す</source>
        <translation>Reopen the latest record</translation>
    </message>
    <message>
        <source>同じ団体が既に登録されている可能性があります。登録済みの団体を確認してください。</source>
        <translation>The same organization may be registered already. Check the registered organizations.</translation>
    </message>
    <message>
        <source>既存の団体を開く</source>
        <translation>Open the existing organization</translation>
    </message>
    <message>
        <source>重複を承知で保存</source>
        <translation>Save anyway</translation>
    </message>
</context>
<context>
    <name>OfficerPanel</name>
    <message>
        <source>職員名</source>
        <translation>Officer name</translation>
    </message>
    <message>
        <source>例: 千葉 花子</source>
        <translation>e.g. Hanako Chiba</translation>
    </message>
    <message>
        <source>所属課</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>例: 県民生活課</source>
        <translation>e.g. Citizens Affairs Section</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>後で</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>変更履歴に記録される職員名と所属課を変更できます。</source>
        <translation>Change the officer name and section recorded in the change history.</translation>
    </message>
    <message>
        <source>職員名が設定されていません（現在はパソコンのユーザー名「{name}」で記録されます）。変更履歴に記録される職員名と所属課を入力してください。</source>
        <translation>No officer name is set (changes are now recorded under the computer user name &quot;{name}&quot;). Enter the officer name and section to record in the change history.</translation>
    </message>
    <message>
        <source>設定を保存できませんでした: {reason}</source>
        <translation>The settings could not be saved: {reason}</translation>
    </message>
</context>
<context>
    <name>OfficersDialog</name>
    <message>
        <source>職員の一覧</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所属課</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>役職</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>着任日</source>
        <translation>Assigned on</translation>
    </message>
    <message>
        <source>異動日</source>
        <translation>Transfer on</translation>
    </message>
    <message>
        <source>後任</source>
        <translation>Successor</translation>
    </message>
    <message>
        <source>職員</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>例: 令和6年4月1日 または 2024-04-01</source>
        <translation>e.g. R6.4.1 or 2024-04-01</translation>
    </message>
    <message>
        <source>例: 令和9年4月1日（異動の予定がなければ空欄）</source>
        <translation>e.g. R9.4.1 (blank if no transfer is planned)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>保存できませんでした: {reason}</source>
        <translation>Could not save: {reason}</translation>
    </message>
</context>
<context>
    <name>OpenForms</name>
    <message>
        <source>団体を開けません</source>
        <translation>Cannot open the organization</translation>
    </message>
</context>
<context>
    <name>OrgStatus</name>
    <message>
        <source>活動中</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>休止</source>
        <translation>Dormant</translation>
    </message>
    <message>
        <source>解散</source>
        <translation>Dissolved</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <source>保存しました（版 {version}）</source>
        <extracomment>The index of the 対応記録 tab (the home tab&apos;s 対応を記録 opens the form on it). The index of the 変更履歴 tab (read when shown, so an open form costs no history read). The index of the 事業 tab (read when shown, like the history). The index of the 約束・宿題 tab (read when shown, like the history).</extracomment>
        <translation>Saved (version {version})</translation>
    </message>
    <message>
        <source>最新の内容を読み込みました（版 {version}）</source>
        <translation>Reloaded the latest record (version {version})</translation>
    </message>
    <message>
        <source>未保存の変更</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>保存していない変更があります。破棄して閉じますか？</source>
        <translation>There are unsaved changes. Discard them and close?</translation>
    </message>
    <message>
        <source>破棄して閉じる</source>
        <translation>Discard and close</translation>
    </message>
    <message>
        <source>団体情報</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>対応記録</source>
        <translation>Interaction log</translation>
    </message>
    <message>
        <source>変更履歴</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>事業</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>約束・宿題</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>約束・宿題にする</source>
        <translation>Make it a commitment</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>閉じる（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>団体を保存すると登録できます</source>
        <translation>Available once the organization is saved</translation>
    </message>
    <message>
        <source>閲覧専用で開いています。変更は保存できません。</source>
        <translation>Opened read-only. Changes cannot be saved.</translation>
    </message>
    <message>
        <source>この団体はゴミ箱にあります。</source>
        <translation>This organization is in the trash.</translation>
    </message>
    <message>
        <source>「{name}」は{prefecture}の市町村一覧（{count}市町村）にありません。県外の団体でなければ市町村を確認してください。</source>
        <translation>“{name}” is not in the list of municipalities of {prefecture} ({count} municipalities). Unless the group is based outside the prefecture, please check the municipality.</translation>
    </message>
    <message>
        <source>新しい団体の登録</source>
        <translation>New organization</translation>
    </message>
    <message>
        <source>団体の編集 — {name}</source>
        <translation>Edit organization — {name}</translation>
    </message>
    <message>
        <source>約束・宿題にできません</source>
        <translation>Cannot make it a commitment</translation>
    </message>
</context>
<context>
    <name>OrganizationFormPanel</name>
    <message>
        <source>団体名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>例: NPO法人 みどりの会</source>
        <translation>e.g. NPO Midori no Kai</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>例: ミドリノカイ</source>
        <translation>e.g. ミドリノカイ (katakana)</translation>
    </message>
    <message>
        <source>法人番号</source>
        <translation>Corporate number</translation>
    </message>
    <message>
        <source>13桁</source>
        <translation>13 digits</translation>
    </message>
    <message>
        <source>代表者</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>代表者フリガナ</source>
        <translation>Representative (kana)</translation>
    </message>
    <message>
        <source>郵便番号</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>例: 260-8667</source>
        <translation>e.g. 260-8667</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>例: 千葉市中央区市場町1-1</source>
        <translation>e.g. 1-1 Ichiba-cho, Chuo-ku, Chiba</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>例: 043-223-1111</source>
        <translation>e.g. 043-223-1111</translation>
    </message>
    <message>
        <source>FAX</source>
        <translation>Fax</translation>
    </message>
    <message>
        <source>メール</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>例: info@example.jp</source>
        <translation>e.g. info@example.jp</translation>
    </message>
    <message>
        <source>ウェブサイト</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>例: https://example.jp</source>
        <translation>e.g. https://example.jp</translation>
    </message>
    <message>
        <source>タグ</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>読点またはカンマ区切り（例: 子育て、防災）</source>
        <translation>Separated by commas (e.g. parenting, disaster prevention)</translation>
    </message>
    <message>
        <source>設立日</source>
        <translation>Founded</translation>
    </message>
    <message>
        <source>認証日</source>
        <translation>Certified</translation>
    </message>
    <message>
        <source>選択または入力（例: NPO法人）</source>
        <translation>Choose or type (e.g. NPO法人)</translation>
    </message>
    <message>
        <source>法人格</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>この団体を担当する職員（空欄なら未設定）</source>
        <translation>The officer in charge of this organization (blank: none)</translation>
    </message>
    <message>
        <source>担当職員</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <source>人数（未設定なら空欄）</source>
        <translation>Number of people (blank if unknown)</translation>
    </message>
    <message>
        <source>会員数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>空欄なら住所から判定</source>
        <translation>Blank: taken from the address</translation>
    </message>
    <message>
        <source>市町村</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>活動分野</source>
        <translation>Activity fields</translation>
    </message>
    <message>
        <source>活動目的・内容</source>
        <translation>Purpose and activities</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>（日付として読めません）</source>
        <translation>(not a date)</translation>
    </message>
    <message>
        <source>2024-04-01 または 令和6年4月1日</source>
        <translation>2024-04-01 or a Japanese era date (R6.4.1)</translation>
    </message>
</context>
<context>
    <name>OrganizationProjectsPanel</name>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>事業名</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>形態</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>段階</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>ダブルクリックで事業タブに表示します。</source>
        <translation>Double-click to show the project in the Projects tab.</translation>
    </message>
</context>
<context>
    <name>OrganizationTableModel</name>
    <message>
        <source>団体名</source>
        <extracomment>The organization id of a row.</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>フリガナ</source>
        <translation>Reading (kana)</translation>
    </message>
    <message>
        <source>法人格</source>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>市町村</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>活動分野</source>
        <translation>Activity fields</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>代表者</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>最終接触日</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>登録日</source>
        <translation>Registered</translation>
    </message>
</context>
<context>
    <name>OrganizationsTab</name>
    <message>
        <source>団体名・フリガナ・住所・代表者・法人番号・タグで検索（スペースで絞り込み）</source>
        <extracomment>Keystroke-to-filter delay: short enough to feel immediate, long enough to skip most keystrokes of a fast typist (filtering 100k rows takes 6–21 ms). ``(str)`` after a form stored a record, a contact or an interaction (the home tab reads again)</extracomment>
        <translation>Search name, reading, address, representative, corporate number and tags (spaces narrow the search)</translation>
    </message>
    <message>
        <source>すべての市町村</source>
        <translation>All municipalities</translation>
    </message>
    <message>
        <source>すべての活動分野</source>
        <translation>All activity fields</translation>
    </message>
    <message>
        <source>すべての法人格</source>
        <translation>All legal forms</translation>
    </message>
    <message>
        <source>すべての状態</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>ゴミ箱</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>読み込み中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>読み込みに失敗しました</source>
        <translation>Loading failed</translation>
    </message>
    <message>
        <source>団体一覧を読み込めませんでした: {reason}</source>
        <translation>The list of organizations could not be loaded: {reason}</translation>
    </message>
    <message>
        <source>読み込みエラー</source>
        <translation>Loading error</translation>
    </message>
    <message>
        <source>団体一覧を読み込めませんでした（{kind}）。詳細はログを確認してください。</source>
        <translation>The list of organizations could not be loaded ({kind}). See the log for details.</translation>
    </message>
    <message>
        <source>{shown} 件（全 {total} 件）</source>
        <translation>{shown} of {total} organizations</translation>
    </message>
    <message>
        <source>{shown} 件</source>
        <translation>{shown} organizations</translation>
    </message>
    <message>
        <source>ゴミ箱: </source>
        <translation>Trash: </translation>
    </message>
</context>
<context>
    <name>OverdueFlag</name>
    <message>
        <source>期間終了後、評価が未実施</source>
        <translation>Period ended without an evaluation</translation>
    </message>
    <message>
        <source>見直し予定日を過ぎています</source>
        <translation>The review date has passed</translation>
    </message>
</context>
<context>
    <name>PairComparison</name>
    <message>
        <source>法人格</source>
        <extracomment>(PairSide field, label) in the order shown</extracomment>
        <translation>Legal form</translation>
    </message>
    <message>
        <source>市町村</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>電話</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>代表者</source>
        <translation>Representative</translation>
    </message>
    <message>
        <source>法人番号</source>
        <translation>Corporate number</translation>
    </message>
    <message>
        <source>（なし）</source>
        <extracomment>a value both records have and that differs: a reason to think they are different groups</extracomment>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>PartnerPage</name>
    <message>
        <source>パートナー選定</source>
        <extracomment>search hits listed (the officer narrows the words to find others)</extracomment>
        <translation>Partner selection</translation>
    </message>
    <message>
        <source>台帳から団体を探してパートナーに加え、選んだ方法と理由を記録します。</source>
        <translation>Find organizations in the registry, add them as partners, and record how and why they were chosen.</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>区分</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>パートナー</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>台帳から探す</source>
        <translation>Search the registry</translation>
    </message>
    <message>
        <source>団体名・フリガナ・住所・法人番号など（スペースで区切って絞り込み）</source>
        <translation>Name, reading, address, corporate number … (separate words with spaces to narrow)</translation>
    </message>
    <message>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>パートナーに加える</source>
        <translation>Add as partner</translation>
    </message>
    <message>
        <source>選定の記録</source>
        <translation>Selection record</translation>
    </message>
    <message>
        <source>（未定）</source>
        <translation>(not decided)</translation>
    </message>
    <message>
        <source>選定方法</source>
        <translation>Selection method</translation>
    </message>
    <message>
        <source>検討した他の団体など</source>
        <translation>Other organizations considered</translation>
    </message>
    <message>
        <source>検討した候補</source>
        <translation>Candidates considered</translation>
    </message>
    <message>
        <source>未記入</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>応募者数</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>随意契約や応募が一者のときは、その団体に決めた理由を必ず記録します</source>
        <translation>For a discretionary contract or a single applicant, always record why this organization was chosen</translation>
    </message>
    <message>
        <source>選定理由</source>
        <translation>Reason for the choice</translation>
    </message>
    <message>
        <source>例: 協働事業審査会（行政・NPO・学識経験者）</source>
        <translation>e.g. Collaboration review board (officials, NPOs, experts)</translation>
    </message>
    <message>
        <source>審査機関</source>
        <translation>Review body</translation>
    </message>
    <message>
        <source>公表日</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>選定の経過を公表した</source>
        <translation>The selection process was published</translation>
    </message>
    <message>
        <source>{count}件中{shown}件を表示（語を足して絞り込めます）</source>
        <translation>Showing {shown} of {count} (add words to narrow)</translation>
    </message>
    <message>
        <source>{count}件</source>
        <translation>{count} found</translation>
    </message>
    <message>
        <source>「{name}」は既にパートナーです</source>
        <translation>&quot;{name}&quot; is already a partner</translation>
    </message>
    <message>
        <source>マニュアルの公園管理の例では、{kind}の相手は{methods}で選びます</source>
        <translation>In the manual&apos;s park-management example, a partner for {kind} is chosen by {methods}</translation>
    </message>
    <message>
        <source>選定方法を記録するときは、選んだパートナーを加えてください</source>
        <translation>When recording a selection method, add the partner chosen</translation>
    </message>
</context>
<context>
    <name>PointsPage</name>
    <message>
        <source>六つのポイント</source>
        <translation>The six points</translation>
    </message>
    <message>
        <source>協働のポイントごとに、確かめたかどうかとその根拠を記録します。</source>
        <translation>For each point of collaboration, record whether it was checked and the evidence.</translation>
    </message>
    <message>
        <source>根拠（例: 5月の意見交換会で双方の目的を確認）</source>
        <translation>Evidence (e.g. both purposes confirmed at the May meeting)</translation>
    </message>
    <message>
        <source>「{point}」を確認済とするときは、根拠を書いてください</source>
        <translation>Write the evidence when marking &quot;{point}&quot; as confirmed</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ProjectChanges</name>
    <message>
        <source>保存できません</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>事業「{title}」をゴミ箱から元に戻しますか？</source>
        <translation>Restore the project “{title}” from the trash?</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>事業「{title}」をゴミ箱へ移動しますか？（後で元に戻せます）</source>
        <translation>Move the project “{title}” to the trash? (It can be restored later.)</translation>
    </message>
    <message>
        <source>ゴミ箱へ移動</source>
        <translation>Moved to the trash</translation>
    </message>
    <message>
        <source>事業</source>
        <translation>Projects</translation>
    </message>
</context>
<context>
    <name>ProjectDetailPanel</name>
    <message>
        <source>段階</source>
        <extracomment>Tabs of the detail view, in order (変更履歴 only with a workspace to read it from).</extracomment>
        <translation>Stage</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>職員</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>法人番号</source>
        <translation>Corporate number</translation>
    </message>
    <message>
        <source>作業</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>担い手</source>
        <translation>Carried by</translation>
    </message>
    <message>
        <source>担当者</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>ポイント</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>確認</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>根拠</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>ダブルクリックで団体の画面を開きます</source>
        <translation>Double-click to open the organization</translation>
    </message>
    <message>
        <source>段階の履歴</source>
        <translation>Stage history</translation>
    </message>
    <message>
        <source>パートナー</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>関係の種類</source>
        <translation>Kind of relationship</translation>
    </message>
    <message>
        <source>役割分担</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>協働のポイント</source>
        <translation>Collaboration points</translation>
    </message>
    <message>
        <source>経過記録</source>
        <translation>Progress log</translation>
    </message>
    <message>
        <source>変更履歴</source>
        <extracomment>the 変更履歴 panel, made when its tab is first shown (the history service needs the database layer, which the window does not load before its first rows are shown)</extracomment>
        <translation>Change history</translation>
    </message>
    <message>
        <source>約束・宿題</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>事業を選ぶと、ここに詳細が表示されます。</source>
        <translation>Select a project to see its details here.</translation>
    </message>
    <message>
        <source>（事業名なし）</source>
        <translation>(no title)</translation>
    </message>
    <message>
        <source>【下書き】</source>
        <translation>[Draft] </translation>
    </message>
    <message>
        <source>【ゴミ箱】</source>
        <translation>[Trash] </translation>
    </message>
    <message>
        <source>{year}&#x3000;担当課: {section}&#x3000;段階: {stage}</source>
        <translation>{year}   Section: {section}   Stage: {stage}</translation>
    </message>
    <message>
        <source>関係: {kind}&#x3000;形態: {form}&#x3000;活動分野: {fields}</source>
        <translation>Relationship: {kind}   Form: {form}   Fields: {fields}</translation>
    </message>
    <message>
        <source>期間: {start} ～ {end}&#x3000;見直し予定日: {review}</source>
        <translation>Period: {start} – {end}   Review date: {review}</translation>
    </message>
    <message>
        <source>{side} {amount}円</source>
        <translation>{side} ¥{amount}</translation>
    </message>
    <message>
        <source>予算: </source>
        <translation>Budget: </translation>
    </message>
</context>
<context>
    <name>ProjectFilters</name>
    <message>
        <source>すべての年度</source>
        <extracomment>Keystroke-to-filter delay of the partner field: the registry search&apos;s (``SEARCH_DEBOUNCE_MS``), now that the partner text is matched in memory (a few ms) rather than by a query of the file</extracomment>
        <translation>All fiscal years</translation>
    </message>
    <message>
        <source>すべての関係</source>
        <translation>All relationships</translation>
    </message>
    <message>
        <source>すべての形態</source>
        <translation>All forms</translation>
    </message>
    <message>
        <source>すべての段階</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>すべての担当課</source>
        <translation>All sections</translation>
    </message>
    <message>
        <source>すべての活動分野</source>
        <translation>All activity fields</translation>
    </message>
    <message>
        <source>パートナーの団体名・フリガナ・住所</source>
        <translation>Partner name, reading or address</translation>
    </message>
</context>
<context>
    <name>ProjectHistory</name>
    <message>
        <source>事業名</source>
        <extracomment>The labels of a project&apos;s audit keys (the wizard&apos;s and the 事業計画書&apos;s words).</extracomment>
        <translation>Project</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>担当課</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>担当職員</source>
        <translation>Officer in charge</translation>
    </message>
    <message>
        <source>関係の種類</source>
        <translation>Kind of relationship</translation>
    </message>
    <message>
        <source>関係の種類の理由</source>
        <translation>Reason for the kind</translation>
    </message>
    <message>
        <source>関係の種類の問いへの答え</source>
        <translation>Answers to the relationship questions</translation>
    </message>
    <message>
        <source>形態</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>活動分野</source>
        <translation>Activity fields</translation>
    </message>
    <message>
        <source>期間の開始</source>
        <translation>Period start</translation>
    </message>
    <message>
        <source>期間の終了</source>
        <translation>Period end</translation>
    </message>
    <message>
        <source>見直しの予定日</source>
        <translation>Planned review date</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>パートナー</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>目的の共有</source>
        <translation>Shared purpose</translation>
    </message>
    <message>
        <source>目標</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>予算</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>選定方法</source>
        <translation>Selection method</translation>
    </message>
    <message>
        <source>検討した候補</source>
        <translation>Candidates considered</translation>
    </message>
    <message>
        <source>応募者数</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>選定の理由</source>
        <translation>Reason for the selection</translation>
    </message>
    <message>
        <source>審査機関</source>
        <translation>Review body</translation>
    </message>
    <message>
        <source>公表日</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>公表</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>役割分担</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>協定事項</source>
        <translation>Agreement items</translation>
    </message>
    <message>
        <source>協働のポイント</source>
        <translation>Collaboration points</translation>
    </message>
    <message>
        <source>段階</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>下書き</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>経過の日付</source>
        <translation>Progress date</translation>
    </message>
    <message>
        <source>経過の内容</source>
        <translation>Progress text</translation>
    </message>
    <message>
        <source>ゴミ箱</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>{amount}円</source>
        <extracomment>Keys holding one stored project word (shown as the 事業 tab shows it).</extracomment>
        <translation>{amount} yen</translation>
    </message>
</context>
<context>
    <name>ProjectKindAccount</name>
    <message>
        <source>関係の種類はまだ決まっていません。</source>
        <extracomment>The key of a row (a partner&apos;s organization id, a project id …).</extracomment>
        <translation>The relationship kind is not decided yet.</translation>
    </message>
    <message>
        <source>推奨: {kind}</source>
        <translation>Recommended: {kind}</translation>
    </message>
    <message>
        <source>注意: </source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>選んだ種類: {kind}</source>
        <translation>Kind chosen: {kind}</translation>
    </message>
    <message>
        <source>（推奨と異なる）</source>
        <translation> (differs from the recommendation)</translation>
    </message>
    <message>
        <source>推奨と異なる理由: </source>
        <translation>Reason for differing from the recommendation: </translation>
    </message>
    <message>
        <source>理由: </source>
        <translation>Reason: </translation>
    </message>
    <message>
        <source>問いへの答え</source>
        <translation>Answers to the questions</translation>
    </message>
    <message>
        <source>（問いへの答えは記録されていません）</source>
        <translation>(No answers to the questions were recorded)</translation>
    </message>
</context>
<context>
    <name>ProjectList</name>
    <message>
        <source>評価の予定</source>
        <translation>Due for evaluation</translation>
    </message>
    <message>
        <source>すべての事業</source>
        <translation>All projects</translation>
    </message>
    <message>
        <source>すべての年度</source>
        <translation>All fiscal years</translation>
    </message>
    <message>
        <source>事業名で絞り込む</source>
        <translation>Filter by project title</translation>
    </message>
    <message>
        <source>読み込み中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>読み込めませんでした: {reason}</source>
        <translation>Could not be read: {reason}</translation>
    </message>
    <message>
        <source>{shown} 件</source>
        <translation>{shown} organizations</translation>
    </message>
</context>
<context>
    <name>ProjectListModel</name>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>事業名</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>理由・段階</source>
        <translation>Reason / stage</translation>
    </message>
    <message>
        <source>パートナー</source>
        <translation>Partners</translation>
    </message>
</context>
<context>
    <name>ProjectReviewModel</name>
    <message>
        <source>法人番号が同じ</source>
        <extracomment>How a partner was found, as the service says it (shown translated).</extracomment>
        <translation>same corporate number</translation>
    </message>
    <message>
        <source>団体名が同じ</source>
        <translation>same name</translation>
    </message>
    <message>
        <source>団体名がほぼ同じ</source>
        <translation>nearly the same name</translation>
    </message>
    <message>
        <source>新しい団体として登録</source>
        <translation>registered as a new organization</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>処理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>事業名</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>金額</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>理由/問題</source>
        <translation>Reason / problem</translation>
    </message>
    <message>
        <source>シート {sheet} の {row} 行目</source>
        <extracomment>where the matched partners&apos; registered names are read (none: the list&apos;s names only)</extracomment>
        <translation>Sheet {sheet}, row {row}</translation>
    </message>
</context>
<context>
    <name>ProjectTableModel</name>
    <message>
        <source>年度</source>
        <extracomment>The project id of a row. Overdue rows: the colour of the app&apos;s error texts (``ERROR_STYLE`` in gui/styles.py) Stages sort in the order of the cycle (課題・ニーズの把握 first), not by their names. The listing column of each table column shown as stored text (the others are labelled)</extracomment>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>事業名</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>関係</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>形態</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>段階</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>担当課</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>主たるパートナー</source>
        <translation>Main partner</translation>
    </message>
    <message>
        <source>期間終了</source>
        <translation>Period ends</translation>
    </message>
</context>
<context>
    <name>ProjectTerm</name>
    <message>
        <source>支援</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>協働</source>
        <translation>Collaboration</translation>
    </message>
    <message>
        <source>外部委託</source>
        <translation>Outsourcing</translation>
    </message>
    <message>
        <source>委託</source>
        <translation>Commission</translation>
    </message>
    <message>
        <source>補助・助成</source>
        <translation>Subsidy / grant</translation>
    </message>
    <message>
        <source>共催</source>
        <translation>Co-hosting</translation>
    </message>
    <message>
        <source>後援</source>
        <translation>Patronage</translation>
    </message>
    <message>
        <source>実行委員会・協議会</source>
        <translation>Executive committee / council</translation>
    </message>
    <message>
        <source>事業協力</source>
        <translation>Project cooperation</translation>
    </message>
    <message>
        <source>企画立案への参画</source>
        <translation>Participation in planning</translation>
    </message>
    <message>
        <source>情報交換・情報提供</source>
        <translation>Information exchange</translation>
    </message>
    <message>
        <source>物的支援</source>
        <translation>Material support</translation>
    </message>
    <message>
        <source>人的支援</source>
        <translation>Personnel support</translation>
    </message>
    <message>
        <source>指定管理</source>
        <translation>Designated manager</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>課題・ニーズの把握</source>
        <translation>Issues and needs</translation>
    </message>
    <message>
        <source>協働の検討</source>
        <translation>Considering collaboration</translation>
    </message>
    <message>
        <source>協働相手の選定</source>
        <translation>Choosing a partner</translation>
    </message>
    <message>
        <source>協議・合意</source>
        <translation>Discussion and agreement</translation>
    </message>
    <message>
        <source>実施</source>
        <translation>Implementation</translation>
    </message>
    <message>
        <source>評価</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <source>見直し・改善</source>
        <translation>Review and improvement</translation>
    </message>
    <message>
        <source>中止</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>公募・企画提案</source>
        <extracomment>The cycle&apos;s order; 中止 and 終了 may follow any stage.</extracomment>
        <translation>Open call / proposals</translation>
    </message>
    <message>
        <source>一般競争入札</source>
        <translation>Open tender</translation>
    </message>
    <message>
        <source>指名</source>
        <translation>Nomination</translation>
    </message>
    <message>
        <source>随意契約</source>
        <translation>Discretionary contract</translation>
    </message>
    <message>
        <source>団体からの提案</source>
        <translation>Proposal from the group</translation>
    </message>
    <message>
        <source>主たるパートナー</source>
        <translation>Main partner</translation>
    </message>
    <message>
        <source>協力団体</source>
        <translation>Cooperating group</translation>
    </message>
    <message>
        <source>行政</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>団体</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>共同</source>
        <translation>Joint</translation>
    </message>
    <message>
        <source>確認済</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>一部</source>
        <translation>Partly</translation>
    </message>
    <message>
        <source>未</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>行政負担</source>
        <translation>Administration&apos;s share</translation>
    </message>
    <message>
        <source>団体負担</source>
        <translation>Group&apos;s share</translation>
    </message>
    <message>
        <source>その他収入</source>
        <translation>Other income</translation>
    </message>
    <message>
        <source>相互理解</source>
        <extracomment>The six points of the Chiba manual, in its order (domain.md §1).</extracomment>
        <translation>Mutual understanding</translation>
    </message>
    <message>
        <source>公平性の確保</source>
        <translation>Fairness</translation>
    </message>
    <message>
        <source>対等性の確保</source>
        <translation>Equal footing</translation>
    </message>
    <message>
        <source>役割分担の明確化</source>
        <translation>Clear division of roles</translation>
    </message>
    <message>
        <source>目的の共有</source>
        <translation>Shared purpose</translation>
    </message>
    <message>
        <source>効果の可視化</source>
        <translation>Visible effects</translation>
    </message>
    <message>
        <source>地域課題</source>
        <extracomment>The purposes both sides write down (目的の共有).</extracomment>
        <translation>Local issue</translation>
    </message>
    <message>
        <source>行政の目的</source>
        <translation>Administration&apos;s purpose</translation>
    </message>
    <message>
        <source>団体の目的</source>
        <translation>Group&apos;s purpose</translation>
    </message>
    <message>
        <source>共通の目的</source>
        <translation>Common goal</translation>
    </message>
    <message>
        <source>目的</source>
        <extracomment>The items an agreement (協定書) settles (市川市 様式第5号, domain.md §4.2).</extracomment>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>情報共有の方法と頻度</source>
        <translation>How and how often information is shared</translation>
    </message>
    <message>
        <source>公開</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>変更・中止</source>
        <translation>Changes and cancellation</translation>
    </message>
    <message>
        <source>事故・損害の責任と保険</source>
        <translation>Liability for accidents and insurance</translation>
    </message>
    <message>
        <source>成果物・著作権の帰属</source>
        <translation>Ownership of results and copyright</translation>
    </message>
    <message>
        <source>個人情報の取扱い</source>
        <translation>Handling of personal data</translation>
    </message>
    <message>
        <source>評価の方法と時期</source>
        <translation>How and when to evaluate</translation>
    </message>
    <message>
        <source>企画</source>
        <extracomment>Rows the 役割分担表 starts with (domain.md §4.3); the wizard pre-fills them per form.</extracomment>
        <translation>Planning</translation>
    </message>
    <message>
        <source>広報</source>
        <translation>Publicity</translation>
    </message>
    <message>
        <source>会場確保</source>
        <translation>Booking the venue</translation>
    </message>
    <message>
        <source>参加者募集</source>
        <translation>Recruiting participants</translation>
    </message>
    <message>
        <source>当日運営</source>
        <translation>Running the day</translation>
    </message>
    <message>
        <source>経費負担</source>
        <translation>Bearing the costs</translation>
    </message>
    <message>
        <source>報告書作成</source>
        <translation>Writing the report</translation>
    </message>
</context>
<context>
    <name>ProjectWizard</name>
    <message>
        <source>日付として読めません</source>
        <translation>Not a readable date</translation>
    </message>
    <message>
        <source>事業の登録</source>
        <extracomment>the finished project as opened (normalised), to tell whether leaving discards changes</extracomment>
        <translation>New project</translation>
    </message>
    <message>
        <source>事業の編集</source>
        <translation>Edit project</translation>
    </message>
    <message>
        <source>&lt; 戻る</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <source>次へ &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <source>完了</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>中断</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>入力した内容を下書きとして残して閉じます（後で続きから再開できます）</source>
        <translation>Close and keep what was entered as a draft (resume later where you left off)</translation>
    </message>
    <message>
        <source>変更を保存せずに閉じます</source>
        <translation>Close without saving the changes</translation>
    </message>
    <message>
        <source>下書きを保存できませんでした: {reason}</source>
        <translation>The draft could not be saved: {reason}</translation>
    </message>
    <message>
        <source>変更の破棄</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>事業「{title}」の変更は保存されていません。変更を破棄して閉じますか？</source>
        <translation>The changes to the project “{title}” are not saved. Discard them and close?</translation>
    </message>
    <message>
        <source>破棄して閉じる</source>
        <translation>Discard and close</translation>
    </message>
</context>
<context>
    <name>ProjectWizardManual</name>
    <message>
        <source>ニーズは現場に足を運び、当事者の生の声に耳を傾けてこそわかるという意識を持つこと</source>
        <extracomment>Why each step matters, in the manual&apos;s words.</extracomment>
        <translation>Be aware that needs are understood only by going on site and listening to the people concerned</translation>
    </message>
    <message>
        <source>協働は「課題解決の選択肢が増える」と考えることが必要です。「協働」すること自体が目的ではないことを理解しましょう。</source>
        <translation>Think of collaboration as &quot;more options for solving problems&quot;. Understand that collaborating is not a goal in itself.</translation>
    </message>
    <message>
        <source>「支援」や「外部委託」と重なる形態もありますので、同じ形態で行う事業でも「協働事業」との区別が必要です。</source>
        <translation>Some forms overlap with &quot;support&quot; and &quot;outsourcing&quot;, so even projects of the same form must be told apart from &quot;collaborative projects&quot;.</translation>
    </message>
    <message>
        <source>互いにメリットのある事業でなければならないことを意識して、目的を明確に共有しましょう。</source>
        <translation>Keep in mind that the project must benefit both sides, and share its purpose clearly.</translation>
    </message>
    <message>
        <source>パートナーの選択などのプロセスはできるだけ公表し、透明性・公平性の確保に努めましょう。</source>
        <translation>Publish processes such as the choice of partner as far as possible, and ensure transparency and fairness.</translation>
    </message>
    <message>
        <source>それぞれの特性を活かした役割分担を明確にし、責任の所在や範囲を明らかにしておきましょう。</source>
        <translation>Make the division of roles that uses each side&apos;s strengths clear, and settle where responsibility lies and how far it goes.</translation>
    </message>
    <message>
        <source>提案された内容に基づいて協議を行い、行政の目的と団体の目的・特性を反映させた仕様書を作成し、合意の上で契約</source>
        <translation>Based on the proposal, both sides consult, write a specification reflecting the administration&apos;s purpose and the group&apos;s purpose and strengths, and contract by agreement</translation>
    </message>
    <message>
        <source>次に挙げたポイントは、市民活動団体と行政とがよりよい関係性を築き、協働を進めていくために、お互いに認識しておくことが重要です。</source>
        <translation>Both citizen groups and the administration should keep the following points in mind to build a better relationship and advance collaboration.</translation>
    </message>
    <message>
        <source>協働によってどのような効果があったのか明確にし、協働のメリットをお互いが認識できるようにしましょう。</source>
        <translation>Make clear what effects the collaboration had, so both sides can see its benefits.</translation>
    </message>
    <message>
        <source>市民活動団体と行政は、それぞれの立場や特性、価値観に基づいて活動している、お互いに独立した存在であるということを理解しましょう。</source>
        <extracomment>The first advice of each of the six points (keys: COLLABORATION_POINTS).</extracomment>
        <translation>Understand that citizen groups and the administration are independent of each other, each acting from its own position, character and values.</translation>
    </message>
    <message>
        <source>協働を進めると特定の団体との関係が強くなりがちです。定期的に事業の見直しを行い、内容やパートナーが固定化しないように留意しましょう。</source>
        <translation>Collaboration tends to strengthen ties with particular groups. Review projects regularly so that their content and partners do not become fixed.</translation>
    </message>
    <message>
        <source>相互及び第三者による事業評価を行い、一方的な評価を行わないようにしましょう。</source>
        <translation>Evaluate projects mutually and by third parties, and avoid one-sided evaluation.</translation>
    </message>
    <message>
        <source>市民活動団体と行政の役割分担が不明確になりやすい傾向があります。</source>
        <translation>The division of roles between citizen groups and the administration tends to become unclear.</translation>
    </message>
    <message>
        <source>住民にとって協働の効果がわかりづらいとの指摘もあります。</source>
        <translation>It has been pointed out that residents find the effects of collaboration hard to see.</translation>
    </message>
</context>
<context>
    <name>ProjectsTab</name>
    <message>
        <source>新しい事業…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <source>編集…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>再開…</source>
        <translation>Resume…</translation>
    </message>
    <message>
        <source>下書きの続きから入力する</source>
        <translation>Continue entering the draft</translation>
    </message>
    <message>
        <source>段階を進める…</source>
        <translation>Advance stage…</translation>
    </message>
    <message>
        <source>経過を記録…</source>
        <translation>Record progress…</translation>
    </message>
    <message>
        <source>ゴミ箱へ移動</source>
        <translation>Moved to the trash</translation>
    </message>
    <message>
        <source>一覧から取り込む…</source>
        <extracomment>``open_import(kind)``: show the window&apos;s import wizard with ``kind`` chosen (None: read-only).</extracomment>
        <translation>Import from a list…</translation>
    </message>
    <message>
        <source>課の補助金・委託契約などの一覧（Excel・CSV）から過去の事業を取り込む</source>
        <translation>Import past projects from a section&apos;s list of subsidies, contracts and the like (Excel, CSV)</translation>
    </message>
    <message>
        <source>下書き</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>入力の途中で保存された事業を表示する</source>
        <translation>Show projects saved part-way through the wizard</translation>
    </message>
    <message>
        <source>ゴミ箱</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>ゴミ箱の事業を表示する</source>
        <translation>Show the projects in the trash</translation>
    </message>
    <message>
        <source>読み込み中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>読み込みに失敗しました</source>
        <translation>Loading failed</translation>
    </message>
    <message>
        <source>読み込みエラー</source>
        <translation>Loading error</translation>
    </message>
    <message>
        <source>事業の一覧を読み込めませんでした: {reason}</source>
        <translation>Could not load the projects: {reason}</translation>
    </message>
    <message>
        <source>{shown} 件</source>
        <translation>{shown} organizations</translation>
    </message>
    <message>
        <source>下書き: </source>
        <translation>Drafts: </translation>
    </message>
    <message>
        <source>ゴミ箱: </source>
        <translation>Trash: </translation>
    </message>
    <message>
        <source>事業を開けません</source>
        <translation>Cannot open the project</translation>
    </message>
    <message>
        <source>事業の登録画面（ウィザード）はこの版にはまだありません</source>
        <translation>The project wizard is not part of this version yet</translation>
    </message>
    <message>
        <source>新しい事業を登録する</source>
        <translation>Register a new project</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Undo</translation>
    </message>
</context>
<context>
    <name>PurposePage</name>
    <message>
        <source>目的の共有</source>
        <translation>Shared purpose</translation>
    </message>
    <message>
        <source>行政と団体それぞれの目的と、両者に共通する目的、測れる目標を書きます。</source>
        <translation>Write each side&apos;s purpose, the purpose they share, and measurable targets.</translation>
    </message>
    <message>
        <source>目標</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>例: 何を「参加者数」、どれだけ「延べ300人」、いつまでに「令和8年3月31日」</source>
        <translation>e.g. what: &quot;participants&quot;, how much: &quot;300 in total&quot;, by when: &quot;March 31, Reiwa 8&quot;</translation>
    </message>
    <message>
        <source>何を</source>
        <translation>What</translation>
    </message>
    <message>
        <source>どれだけ</source>
        <translation>How much</translation>
    </message>
    <message>
        <source>いつまでに</source>
        <translation>By when</translation>
    </message>
    <message>
        <source>（最初の画面で書けます）</source>
        <translation>(written on the first page)</translation>
    </message>
    <message>
        <source>目標{n}行目: {message}</source>
        <translation>Target row {n}: {message}</translation>
    </message>
</context>
<context>
    <name>RadarChart</name>
    <message>
        <source>データがありません</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>未回答</source>
        <translation>no answer</translation>
    </message>
    <message>
        <source>レーダーチャート、尺度 0〜{0}。</source>
        <translation>Radar chart, scale 0 to {0}. </translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>{0}: {1}。</source>
        <translation>{0}: {1}. </translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>詳細: {message}</source>
        <translation>Details: {message}</translation>
    </message>
    <message>
        <source>このバックアップから復元</source>
        <translation>Restore from this backup</translation>
    </message>
    <message>
        <source>詳細を表示</source>
        <translation>Show details</translation>
    </message>
    <message>
        <source>最新の正常なバックアップ: {date}
{path}
復元すると、このバックアップの時点の内容に戻ります。破損したファイルは消さずに「{name}.damaged-日時」として残します。</source>
        <translation>Newest sound backup: {date}
{path}
Restoring returns the data to the state of this backup. The damaged file is not deleted; it is kept as &quot;{name}.damaged-&lt;date and time&gt;&quot;.</translation>
    </message>
    <message>
        <source>正常なバックアップが見つかりません。データフォルダの「backups」フォルダや、共有フォルダの以前のバージョンをシステム担当に確認してください。</source>
        <translation>No sound backup was found. Ask your system administrator about the &quot;backups&quot; folder of the data folder, or earlier versions on the shared drive.</translation>
    </message>
    <message>
        <source>SQLite の整合性検査の結果:</source>
        <translation>Findings of SQLite&apos;s integrity check:</translation>
    </message>
    <message>
        <source>詳細を隠す</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <source>データファイルが破損しています</source>
        <translation>The data file is damaged</translation>
    </message>
    <message>
        <source>協働デスクのデータファイルではありません</source>
        <translation>This is not a Kyodo Desktop data file</translation>
    </message>
    <message>
        <source>新しいバージョンで作成されたデータファイルです</source>
        <translation>The data file was made by a newer version</translation>
    </message>
    <message>
        <source>データフォルダを開けません</source>
        <translation>Cannot open the data folder</translation>
    </message>
    <message>
        <source>データファイル {path} の整合性検査に失敗しました。このままでは開けません。</source>
        <translation>The data file {path} failed its integrity check. It cannot be opened as it is.</translation>
    </message>
    <message>
        <source>データフォルダ {folder} のファイルは開きませんでした。ファイルには一切触れていません。</source>
        <translation>The file in the data folder {folder} was not opened. It has not been touched at all.</translation>
    </message>
    <message>
        <source>他の職員がこのデータフォルダを使用中のため、閲覧用にも開けませんでした。</source>
        <translation>Another officer is using this data folder, so it could not be opened even for reading.</translation>
    </message>
    <message>
        <source>データフォルダ {folder} を開けませんでした。</source>
        <translation>Could not open the data folder {folder}.</translation>
    </message>
</context>
<context>
    <name>RegistryActions</name>
    <message>
        <source>新規</source>
        <translation>New</translation>
    </message>
    <message>
        <source>団体を新しく登録（Ctrl+N）</source>
        <translation>Register a new organization (Ctrl+N)</translation>
    </message>
    <message>
        <source>開く</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>選択した団体を開く（Enter）</source>
        <translation>Open the selected organization (Enter)</translation>
    </message>
    <message>
        <source>ゴミ箱を表示</source>
        <translation>Show trash</translation>
    </message>
    <message>
        <source>ゴミ箱に移した団体を表示する</source>
        <translation>Show the organizations moved to the trash</translation>
    </message>
    <message>
        <source>Excelに書き出す…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>団体台帳をExcelファイルに書き出す（Ctrl+E）</source>
        <translation>Export the registry to an Excel file (Ctrl+E)</translation>
    </message>
    <message>
        <source>インポート…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>NPO法人ポータルサイトのCSVやExcelの一覧から団体を取り込む（Ctrl+I）</source>
        <translation>Import organizations from the NPO portal CSV or an Excel list (Ctrl+I)</translation>
    </message>
    <message>
        <source>最新の情報に更新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>選択した団体をゴミ箱から元に戻す</source>
        <translation>Restore the selected organizations from the trash</translation>
    </message>
    <message>
        <source>ゴミ箱へ移す</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <source>選択した団体をゴミ箱へ移す（Delete）</source>
        <translation>Move the selected organizations to the trash (Delete)</translation>
    </message>
</context>
<context>
    <name>RegistryStack</name>
    <message>
        <source>ゴミ箱は空です。</source>
        <translation>The trash is empty.</translation>
    </message>
    <message>
        <source>検索・絞り込みの条件に合う団体はありません。</source>
        <translation>No organization matches the search and filters.</translation>
    </message>
    <message>
        <source>条件をすべて解除</source>
        <translation>Clear all conditions</translation>
    </message>
</context>
<context>
    <name>RelationshipQuestion</name>
    <message>
        <source>はい</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>いいえ</source>
        <translation>No</translation>
    </message>
    <message>
        <source>わからない</source>
        <translation>Not sure</translation>
    </message>
    <message>
        <source>事業の目的と内容を決めるのは誰ですか</source>
        <extracomment>The four questions, in the order the wizard asks them.</extracomment>
        <translation>Who sets the purpose and content of the project?</translation>
    </message>
    <message>
        <source>仕様を行政が決めて依頼するのか、一緒に企画するのか</source>
        <translation>Does the administration set the specification and commission it, or do both plan it together?</translation>
    </message>
    <message>
        <source>行政</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>団体</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>双方で</source>
        <translation>Both together</translation>
    </message>
    <message>
        <source>団体はこの事業で団体独自の目的を実現しようとしていますか</source>
        <translation>Does the group pursue a purpose of its own in this project?</translation>
    </message>
    <message>
        <source>協働では、団体に独自の目的があることが前提です</source>
        <translation>Collaboration presupposes that the group has a purpose of its own</translation>
    </message>
    <message>
        <source>団体の自立促進や更なる発展など、団体を支援すること自体が目的ですか</source>
        <translation>Is the aim to support the group itself, such as its independence or further development?</translation>
    </message>
    <message>
        <source>補助金・広報支援・助言などで団体の活動を応援する場合です</source>
        <translation>For example, backing the group&apos;s activities with subsidies, publicity support or advice</translation>
    </message>
    <message>
        <source>役割分担をして、計画の策定や実施を双方で行いますか</source>
        <translation>Do both sides divide the roles and plan and carry out the project together?</translation>
    </message>
    <message>
        <source>お互いに力を持ち寄り、一緒に事業を企画・運営するか</source>
        <translation>Whether both bring their strengths and plan and run the project together</translation>
    </message>
    <message>
        <source>行政が市民活動団体の自立促進や更なる発展など、相手を支援すること自体を目的として行う</source>
        <translation>The administration acts with supporting the civic group itself — its independence and further development — as the purpose</translation>
    </message>
    <message>
        <source>「NPOのやりたいこと」を行政が応援する</source>
        <translation>The administration backs &quot;what the NPO wants to do&quot;</translation>
    </message>
    <message>
        <source>対等な二つ以上の担い手が共通する目的をもって関係を結び、役割分担をした上で、計画の策定や実施などを行う</source>
        <translation>Two or more equal actors with a common purpose form a relationship, divide the roles, and draw up and carry out plans</translation>
    </message>
    <message>
        <source>「NPOの目的」と「行政の目的」を一つの事業で実現する</source>
        <translation>&quot;The NPO&apos;s purpose&quot; and &quot;the administration&apos;s purpose&quot; are achieved in one project</translation>
    </message>
    <message>
        <source>協働事業として実施する場合は、パートナーとなる市民活動団体には団体独自の目的があるということが前提です。</source>
        <translation>A collaborative project presupposes that the partner civic group has a purpose of its own.</translation>
    </message>
    <message>
        <source>行政が事業内容や期待する成果を設計して、それが適切に効率よく実施できる団体に委託を行う</source>
        <translation>The administration designs the content and the expected results and commissions a group that can carry them out properly and efficiently</translation>
    </message>
    <message>
        <source>「行政のやりたいこと」をNPOが実現する</source>
        <translation>The NPO carries out &quot;what the administration wants to do&quot;</translation>
    </message>
    <message>
        <source>提案された内容に基づいて協議を行い、行政の目的と団体の目的・特性を反映させた仕様書を作成し、合意の上で契約</source>
        <translation>Based on the proposal, both sides consult, write a specification reflecting the administration&apos;s purpose and the group&apos;s purpose and strengths, and contract by agreement</translation>
    </message>
    <message>
        <source>「支援」や「外部委託」と重なる形態もありますので、同じ形態で行う事業でも「協働事業」との区別が必要です。</source>
        <translation>Some forms overlap with &quot;support&quot; and &quot;outsourcing&quot;, so even projects of the same form must be told apart from &quot;collaborative projects&quot;.</translation>
    </message>
    <message>
        <source>支援すること自体が目的なので支援としました。一緒に企画・運営し双方の目的を実現するなら協働です</source>
        <extracomment>Every sentence a recommendation may quote.</extracomment>
        <translation>Support, because supporting the group is the aim itself. If both plan and run it together to achieve both purposes, it is collaboration</translation>
    </message>
    <message>
        <source>団体に独自の目的がありますが、行政が内容を決めて依頼するので外部委託としました。協議して双方の目的を仕様に反映させれば協働になります</source>
        <translation>The group has a purpose of its own, but the administration sets the content and commissions it, so outsourcing. Consulting to reflect both purposes in the specification would make it collaboration</translation>
    </message>
    <message>
        <source>団体に独自の目的がないので協働にはなりません。行政の目的を団体が実現するものとして外部委託としました</source>
        <translation>Without a purpose of the group&apos;s own it is not collaboration. Outsourcing, as the group carries out the administration&apos;s purpose</translation>
    </message>
    <message>
        <source>目的と内容を行政だけで決めると外部委託に近くなります。協議して双方の目的を仕様に反映させてください</source>
        <translation>If the administration alone sets purpose and content, it comes close to outsourcing. Consult and reflect both purposes in the specification</translation>
    </message>
    <message>
        <source>団体独自の目的があるかを確かめてください。なければ協働ではありません</source>
        <translation>Check whether the group has a purpose of its own. Without one it is not collaboration</translation>
    </message>
    <message>
        <source>団体のやりたいことを応援する関係なので支援としました。行政にも目的があるなら、役割分担をして一緒に企画すれば協働です</source>
        <translation>Support, as the administration backs what the group wants to do. If the administration has a purpose too, dividing the roles and planning together makes it collaboration</translation>
    </message>
    <message>
        <source>答えから関係を決めきれません。役割分担をして計画の策定や実施を一緒に行うかを確かめてください</source>
        <translation>The answers do not settle the relationship. Check whether both sides divide the roles and plan and carry out the project together</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>取り込みました</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>取り込んだ団体は団体台帳に表示されています。</source>
        <translation>The imported organizations are shown in the registry.</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>結果をExcelに保存…</source>
        <translation>Save the result to Excel…</translation>
    </message>
    <message>
        <source>取り込んだ事業は「事業」タブに表示されています。</source>
        <translation>The imported projects are shown in the Projects tab.</translation>
    </message>
    <message>
        <source>事業 {projects} 件、新しい団体 {organizations} 件を取り込みました。</source>
        <translation>Imported {projects} projects and {organizations} new organizations.</translation>
    </message>
    <message>
        <source>取り込まなかった行: 登録済み・重複など {skipped} 件、エラー {errors} 件</source>
        <translation>Rows not imported: {skipped} already stored, duplicates etc., {errors} errors</translation>
    </message>
    <message>
        <source>新規 {created} 件、更新 {updated} 件を取り込みました。</source>
        <translation>Imported {created} new and {updated} updated organizations.</translation>
    </message>
    <message>
        <source>取り込まなかった行: 変更なし・重複など {skipped} 件、エラー {errors} 件</source>
        <translation>Rows not imported: {skipped} unchanged, duplicate and so on; {errors} with errors</translation>
    </message>
    <message>
        <source>取り込み前のバックアップ: {path}</source>
        <translation>Backup before the import: {path}</translation>
    </message>
    <message>
        <source>書き込む変更はありませんでした（バックアップも作っていません）。</source>
        <translation>There were no changes to write (and no backup was made).</translation>
    </message>
    <message>
        <source>取り込みID: {id}（変更はすべて操作履歴に記録しました）</source>
        <translation>Import ID: {id} (every change is recorded in the change history)</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>内容を確かめて取り込む</source>
        <extracomment>Actions listed in the review counts, in this order (スキップ is not planned by the readers). The same for past projects (a stored project is never updated).</extracomment>
        <translation>Review and import</translation>
    </message>
    <message>
        <source>まだ何も保存していません。「取り込む」を押すと、バックアップを取ってから全件を一度に取り込みます。</source>
        <translation>Nothing has been saved yet. &quot;Import&quot; takes a backup, then imports all rows at once.</translation>
    </message>
    <message>
        <source>取り込む</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>表示(&amp;V):</source>
        <translation>&amp;View:</translation>
    </message>
    <message>
        <source>問題のある行</source>
        <translation>Rows with problems</translation>
    </message>
    <message>
        <source>エラーのない行だけ取り込む(&amp;E)</source>
        <translation>Import only rows without &amp;errors</translation>
    </message>
    <message>
        <source>この内容をExcelに保存…</source>
        <translation>Save this review to Excel…</translation>
    </message>
    <message>
        <source>各行の処理と問題の一覧をExcelファイルに保存します（データは取り込みません）</source>
        <translation>Saves what happens to each row, and the problems, to an Excel file (nothing is imported)</translation>
    </message>
    <message>
        <source>{action} {count} 件</source>
        <translation>{action}: {count}</translation>
    </message>
    <message>
        <source>（新しく登録する団体 {count} 件）</source>
        <translation> ({count} new organizations to register)</translation>
    </message>
    <message>
        <source>すべて（{count}）</source>
        <translation>All ({count})</translation>
    </message>
    <message>
        <source>問題のある行（{count} 件）</source>
        <translation>Rows with problems ({count})</translation>
    </message>
    <message>
        <source>閲覧専用で開いているため取り込めません。</source>
        <translation>Opened read-only: cannot import.</translation>
    </message>
    <message>
        <source>エラーのある行が {count} 行あります。エラーの行を除いて取り込むには、「エラーのない行だけ取り込む」にチェックを入れてください。ファイルを直してから取り込む場合は「キャンセル」で閉じてください。</source>
        <translation>{count} rows have errors. To import the other rows, check &quot;Import only rows without errors&quot;. To correct the file first, close with &quot;Cancel&quot;.</translation>
    </message>
    <message>
        <source>新しく登録する事業はありません。取り込んでも何も変わりません。</source>
        <translation>There are no new projects to register. Importing would change nothing.</translation>
    </message>
    <message>
        <source>新しく登録する団体も、変わる項目もありません。取り込んでも何も変わりません。</source>
        <translation>There are no new organizations and no changed fields. Importing would change nothing.</translation>
    </message>
    <message>
        <source>エラーの {count} 行は取り込まず、残りの行を取り込みます。</source>
        <translation>The {count} rows with errors are left out; the other rows are imported.</translation>
    </message>
    <message>
        <source>取り込み</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>{count} 件を取り込んでいます…（キャンセルすると何も取り込みません）</source>
        <translation>Importing {count} rows… (Cancel imports nothing)</translation>
    </message>
    <message>
        <source>取り込みに失敗しました（{kind}）。データは取り込み前のままです。詳細はログを確認してください。</source>
        <translation>The import failed ({kind}). The data is as it was before the import. See the log for details.</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message>
        <source>行</source>
        <extracomment>the column that tells why a row is an error (coloured like the 処理 column) columns of numbers, aligned right</extracomment>
        <translation>Row</translation>
    </message>
    <message>
        <source>処理</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>団体名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>一致した団体</source>
        <translation>Matched organization</translation>
    </message>
    <message>
        <source>理由/問題</source>
        <translation>Reason / problem</translation>
    </message>
    <message>
        <source>シート {sheet} の {row} 行目</source>
        <translation>Sheet {sheet}, row {row}</translation>
    </message>
    <message>
        <source>（取り込まない）</source>
        <translation> (not imported)</translation>
    </message>
</context>
<context>
    <name>RolePage</name>
    <message>
        <source>役割分担</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>作業ごとに、誰が担い、誰が責任を持つかを決めます。</source>
        <translation>For each task, decide who carries it out and who is responsible.</translation>
    </message>
    <message>
        <source>作業</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>担い手</source>
        <translation>Carried by</translation>
    </message>
    <message>
        <source>責任者</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>担い手のセルをダブルクリックすると行政・団体・共同を選べます。責任者は「誰が手伝うか」ではなく「誰が責任を持つか」です。</source>
        <translation>Double-click a &quot;Carried by&quot; cell to choose administration, organization or joint. &quot;Responsible&quot; is who answers for the task, not who helps.</translation>
    </message>
    <message>
        <source>形態の例で置き換える</source>
        <translation>Replace with the form&apos;s example rows</translation>
    </message>
</context>
<context>
    <name>RoundBar</name>
    <message>
        <source>ブラインド</source>
        <translation>Blind</translation>
    </message>
    <message>
        <source>他の評価者区分が提出するまで、各区分の点数を比較に出さない</source>
        <translation>Keep each side&apos;s scores out of the comparison until the other sides have submitted</translation>
    </message>
    <message>
        <source>第三者評価を予定</source>
        <translation>Third-party evaluation planned</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>時期</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>評価シート</source>
        <translation>Evaluation form</translation>
    </message>
    <message>
        <source>評価シートの管理…</source>
        <translation>Manage evaluation forms…</translation>
    </message>
    <message>
        <source>{name}（版{version}）</source>
        <translation>{name} (version {version})</translation>
    </message>
    <message>
        <source>（この評価の版）</source>
        <translation>(this evaluation&apos;s version)</translation>
    </message>
    <message>
        <source>新しい評価</source>
        <translation>New evaluation</translation>
    </message>
</context>
<context>
    <name>RowsEditor</name>
    <message>
        <source>行を追加</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>行を削除</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>上へ</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下へ</source>
        <translation>Down</translation>
    </message>
</context>
<context>
    <name>SafetyNetActions</name>
    <message>
        <source>バックアップを作成</source>
        <translation>Create backup</translation>
    </message>
    <message>
        <source>変更履歴…</source>
        <translation>Change history…</translation>
    </message>
    <message>
        <source>台帳全体の変更履歴（職員、日時、変更前 → 変更後）と元に戻す</source>
        <translation>The whole registry&apos;s change history (officer, time, old → new) and undo</translation>
    </message>
    <message>
        <source>バックアップから復元…</source>
        <translation>Restore from a backup…</translation>
    </message>
    <message>
        <source>取り込みの履歴…</source>
        <translation>Import history…</translation>
    </message>
    <message>
        <source>これまでの取り込みを見て、取り消す</source>
        <translation>See the imports done so far and undo one</translation>
    </message>
    <message>
        <source>バックアップ</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>バックアップを作成しています…</source>
        <translation>Creating a backup…</translation>
    </message>
    <message>
        <source>バックアップを作成しました。
{path}</source>
        <translation>Backup created.
{path}</translation>
    </message>
    <message>
        <source>バックアップを作成できませんでした: {reason}</source>
        <translation>The backup could not be created: {reason}</translation>
    </message>
    <message>
        <source>バックアップを作成できませんでした（{kind}）。詳細はログを確認してください。</source>
        <translation>The backup could not be created ({kind}). See the log for details.</translation>
    </message>
</context>
<context>
    <name>SearchProgress</name>
    <message>
        <source>重複の候補を探しています…</source>
        <translation>Searching for possible duplicates…</translation>
    </message>
    <message>
        <source>（{seconds} 秒）</source>
        <translation>({seconds} s)</translation>
    </message>
</context>
<context>
    <name>SignOffBox</name>
    <message>
        <source>署名</source>
        <translation>Sign-off</translation>
    </message>
    <message>
        <source>前任</source>
        <translation>Predecessor</translation>
    </message>
    <message>
        <source>後任</source>
        <translation>Successor</translation>
    </message>
    <message>
        <source>署名する</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>署名済</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>未署名</source>
        <translation>Not signed</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>段階を進める</source>
        <translation>Advance the stage</translation>
    </message>
    <message>
        <source>現在の段階</source>
        <translation>Current stage</translation>
    </message>
    <message>
        <source>新しい段階</source>
        <translation>New stage</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>確認</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>内容を確かめて「完了」で保存します。直すときは「戻る」で前の画面へ。</source>
        <translation>Check the contents and save with Finish. To correct something, go Back.</translation>
    </message>
    <message>
        <source>事業名</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>担当課</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>関係の種類</source>
        <translation>Kind of relationship</translation>
    </message>
    <message>
        <source>関係の種類の理由</source>
        <translation>Reason for the kind</translation>
    </message>
    <message>
        <source>形態</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>（{date}まで）</source>
        <translation> (by {date})</translation>
    </message>
    <message>
        <source>目標</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>パートナー</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>（まだ選んでいません）</source>
        <translation>(not chosen yet)</translation>
    </message>
    <message>
        <source>選定方法</source>
        <translation>Selection method</translation>
    </message>
    <message>
        <source>応募者数</source>
        <translation>Applicants</translation>
    </message>
    <message>
        <source>検討した候補</source>
        <translation>Candidates considered</translation>
    </message>
    <message>
        <source>選定理由</source>
        <translation>Reason for the choice</translation>
    </message>
    <message>
        <source>審査機関</source>
        <translation>Review body</translation>
    </message>
    <message>
        <source>公表</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>公表済み</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>作業</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>担い手</source>
        <translation>Carried by</translation>
    </message>
    <message>
        <source>責任者</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>備考</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>役割分担</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>not decided</translation>
    </message>
    <message>
        <source>期間</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>{amount}円</source>
        <translation>{amount} yen</translation>
    </message>
    <message>
        <source>予算</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>協定: </source>
        <translation>Agreement: </translation>
    </message>
    <message>
        <source>六つのポイント</source>
        <translation>The six points</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>名前</source>
        <extracomment>Where an item row keeps its stable key (scores are stored against it).</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <source>説明</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>満点 </source>
        <translation>Maximum </translation>
    </message>
    <message>
        <source> 点</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>尺度</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>評価項目</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>区分</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>協働のポイント</source>
        <translation>Collaboration points</translation>
    </message>
    <message>
        <source>満点</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>段階の言葉（/区切り）</source>
        <translation>Level words (separated by /)</translation>
    </message>
    <message>
        <source>空欄なら尺度の満点です</source>
        <translation>Empty: the scale&apos;s maximum</translation>
    </message>
    <message>
        <source>空欄なら尺度の言葉です。項目ごとの言葉は高い段階から「/」で区切ります</source>
        <translation>Empty: the scale&apos;s words. Give an item its own words from the highest level down, separated by &quot;/&quot;</translation>
    </message>
    <message>
        <source>行を追加</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>行を削除</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>上へ</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下へ</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>評価者区分ごとに配点する</source>
        <translation>Weight by evaluator side</translation>
    </message>
    <message>
        <source>配点</source>
        <translation>Weights</translation>
    </message>
    <message>
        <source>総合評価の選択肢を1行に1つ（なければ空欄）</source>
        <translation>Overall rating choices, one per line (empty for none)</translation>
    </message>
    <message>
        <source>総合評価</source>
        <translation>Overall grade</translation>
    </message>
    <message>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>{n}番目の評価項目の満点は数字で入力してください</source>
        <translation>Enter the maximum of item {n} as a number</translation>
    </message>
    <message>
        <source>同じ名前の評価シートがあります: {name}</source>
        <translation>An evaluation form with this name exists: {name}</translation>
    </message>
</context>
<context>
    <name>TemplatesDialog</name>
    <message>
        <source>評価シートの管理</source>
        <translation>Manage evaluation forms</translation>
    </message>
    <message>
        <source>名前</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>版</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>尺度</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>項目数</source>
        <translation>Items</translation>
    </message>
    <message>
        <source>状態</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>新しい名前</source>
        <translation>New name</translation>
    </message>
    <message>
        <source>コピーして新規作成</source>
        <translation>Copy as new</translation>
    </message>
    <message>
        <source>編集…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存せずに戻る</source>
        <translation>Back without saving</translation>
    </message>
    <message>
        <source>版{version}</source>
        <translation>v{version}</translation>
    </message>
    <message>
        <source>{kind}（満点{maximum}）</source>
        <translation>{kind} (max {maximum})</translation>
    </message>
    <message>
        <source>{scale}・配点あり</source>
        <translation>{scale}, weighted</translation>
    </message>
    <message>
        <source>組み込み</source>
        <translation>Built-in</translation>
    </message>
    <message>
        <source>使用中</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>組み込みの評価シートは編集できません。コピーしてから編集してください。</source>
        <translation>A built-in evaluation form cannot be edited. Copy it first, then edit the copy.</translation>
    </message>
    <message>
        <source>{name}のコピー</source>
        <translation>Copy of {name}</translation>
    </message>
    <message>
        <source>評価シートの名前は必須です</source>
        <translation>The evaluation form needs a name</translation>
    </message>
    <message>
        <source>同じ名前の評価シートがあります: {name}</source>
        <translation>An evaluation form with this name exists: {name}</translation>
    </message>
    <message>
        <source>この評価シートは評価に使われています。保存すると新しい版（版{version}）になり、これまでの評価は元の版（版{old}）のままです。</source>
        <translation>This evaluation form is in use. Saving makes a new version (v{version}); evaluations made so far keep the old version (v{old}).</translation>
    </message>
    <message>
        <source>まだ評価に使われていない評価シートです（版{version}）。</source>
        <translation>No evaluation uses this form yet (v{version}).</translation>
    </message>
    <message>
        <source>入力内容を確認してください。</source>
        <translation>Please check your entries.</translation>
    </message>
    <message>
        <source>新しい版の保存</source>
        <translation>Save a new version</translation>
    </message>
    <message>
        <source>「{name}」は評価に使われています。保存すると新しい版（版{version}）を作ります。これまでの評価は元の版のまま残ります。</source>
        <translation>&quot;{name}&quot; is in use by evaluations. Saving makes a new version (v{version}); evaluations made so far keep the old version.</translation>
    </message>
    <message>
        <source>新しい版を保存</source>
        <translation>Save new version</translation>
    </message>
</context>
<context>
    <name>TodayKind</name>
    <message>
        <source>対応予定</source>
        <extracomment>Follow-ups and promises are listed from this many days before their date.</extracomment>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>約束・宿題</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>対応が途絶えた団体</source>
        <translation>No recent contact</translation>
    </message>
    <message>
        <source>協定の終了が近い事業</source>
        <translation>Agreement ending soon</translation>
    </message>
    <message>
        <source>評価の予定</source>
        <translation>Due for evaluation</translation>
    </message>
    <message>
        <source>引継書のない異動</source>
        <translation>Transfer without handover</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>{date}（今日）</source>
        <extracomment>overdue rows are written in this colour (the app&apos;s warning red, readable on white and grey)</extracomment>
        <translation>{date} (today)</translation>
    </message>
    <message>
        <source>日付</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>件名</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>{kind}（期限超過）</source>
        <translation>{kind} (overdue)</translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <source>協働デスク</source>
        <translation>Kyodo Desktop</translation>
    </message>
    <message>
        <source>予期しないエラー</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>予期しないエラーが発生しました（{kind}）。詳細はログを確認してください。</source>
        <translation>An unexpected error occurred ({kind}). See the log for details.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>予期しないエラーが発生しました（{kind}）。詳細はログを確認してください。</source>
        <translation>An unexpected error occurred ({kind}). See the log for details.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>、</source>
        <extracomment>Qt&apos;s own texts that ``qtbase_ja.qm`` leaves in English: two labels of Qt&apos;s file dialog.</extracomment>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>migration</name>
    <message>
        <source>データ形式を更新しています…
大きな台帳では十数秒かかることがあります。終わるまでお待ちください。</source>
        <extracomment>A quick update shows nothing; the notice appears once it has taken this long.</extracomment>
        <translation>Updating the data format…
With a large registry this can take a quarter of a minute. Please wait until it is done.</translation>
    </message>
    <message>
        <source>協働デスク</source>
        <translation>Kyodo Desktop</translation>
    </message>
</context>
<context>
    <name>tasks</name>
    <message>
        <source>キャンセル</source>
        <extracomment>``(True, result)`` or ``(False, exception)``, set just before the signal is emitted, for a listener that connects late (see ``OrganizationsTab.reload``).</extracomment>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>trash</name>
    <message>
        <source> ほか {n} 件</source>
        <translation> and {n} more</translation>
    </message>
    <message>
        <source>ゴミ箱から戻す</source>
        <translation>Restore from trash</translation>
    </message>
    <message>
        <source>{label}を元に戻しますか？</source>
        <translation>Restore {label}?</translation>
    </message>
    <message>
        <source>元に戻す</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>ゴミ箱へ移す</source>
        <translation>Move to trash</translation>
    </message>
    <message>
        <source>{label}をゴミ箱へ移しますか？（ゴミ箱から元に戻せます）</source>
        <translation>Move {label} to the trash? (It can be restored from the trash.)</translation>
    </message>
</context>
</TS>
