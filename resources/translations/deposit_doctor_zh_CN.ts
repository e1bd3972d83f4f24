<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BatchPage</name>
    <message>
        <source>Run all</source>
        <translation>全部运行</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Export all reports…</source>
        <translation>导出全部报告…</translation>
    </message>
    <message>
        <source>Export summary…</source>
        <translation>导出汇总表…</translation>
    </message>
    <message>
        <source>summary.csv and summary.json: each case's verdict, confirmations, amount and report file</source>
        <translation>summary.csv 和 summary.json：每笔交易的诊断结论、确认数、数量和报告文件</translation>
    </message>
    <message>
        <source>&amp;Verdict:</source>
        <translation>诊断结论(&amp;V)：</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Transaction hash</source>
        <translation>交易哈希</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>代币</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>诊断结论</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>诊断中…</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Auto-detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>row {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <source>line {n}</source>
        <translation>第 {n} 行</translation>
    </message>
    <message>
        <source>case {n}</source>
        <translation>第 {n} 条</translation>
    </message>
    <message>
        <source>Fine</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Wait or check</source>
        <translation>需等待或核实</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>有问题</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>Drop a CSV export or a text file with several transaction hashes here, or use File ▸ Open.</source>
        <translation>将 CSV 导出文件或包含多个交易哈希的文本文件拖放到这里，或使用“文件 ▸ 打开”。</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>No verdict yet ({n})</source>
        <translation>尚无结论（{n}）</translation>
    </message>
    <message>
        <source>{done} of {total} done</source>
        <translation>已完成 {done} / {total}</translation>
    </message>
    <message>
        <source>{done} done, {failed} failed, {stopped} stopped, of {total}</source>
        <translation>共 {total} 条：完成 {done}，失败 {failed}，已停止 {stopped}</translation>
    </message>
    <message>
        <source>Summary written to {folder}</source>
        <translation>汇总表已保存到 {folder}</translation>
    </message>
    <message>
        <source>Export all reports to a folder</source>
        <translation>将全部报告导出到文件夹</translation>
    </message>
    <message>
        <source>Export the summary to the reports' folder</source>
        <translation>将汇总表导出到报告所在的文件夹</translation>
    </message>
    <message>
        <source>{n} reports written…</source>
        <translation>已写入 {n} 份报告…</translation>
    </message>
    <message>
        <source>{n} reports written to {folder}</source>
        <translation>已将 {n} 份报告保存到 {folder}</translation>
    </message>
</context>
<context>
    <name>CaseFormWidget</name>
    <message>
        <source>Direction</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交易所</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Transaction hash (TxID)</source>
        <translation>交易哈希（TxID）</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Memo / Tag / Comment</source>
        <translation>备注（Memo / Tag / Comment）</translation>
    </message>
    <message>
        <source>Token (optional)</source>
        <translation>代币（选填）</translation>
    </message>
    <message>
        <source>Amount (optional)</source>
        <translation>数量（选填）</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>充值</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>提币</translation>
    </message>
    <message>
        <source>Auto-detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <source>Not listed / not sure</source>
        <translation>未列出 / 不确定</translation>
    </message>
    <message>
        <source>0x… or 64 hex characters</source>
        <translation>0x… 或 64 位十六进制字符</translation>
    </message>
    <message>
        <source>The deposit address (for a withdrawal: your receiving address)</source>
        <translation>充值地址（提币时填写您的收款地址）</translation>
    </message>
    <message>
        <source>The memo the exchange's deposit page gives beside its address (TON: the comment)</source>
        <translation>交易所充值页面在地址旁给出的备注（TON 上即 Comment）</translation>
    </message>
    <message>
        <source>e.g. USDT</source>
        <translation>例如 USDT</translation>
    </message>
    <message>
        <source>e.g. 250.5</source>
        <translation>例如 250.5</translation>
    </message>
    <message>
        <source>seed phrase removed</source>
        <translation>助记词已移除</translation>
    </message>
    <message>
        <source>private key removed</source>
        <translation>私钥已移除</translation>
    </message>
    <message>
        <source>Write the amount as a number, e.g. 250.5</source>
        <translation>请以数字填写数量，例如 250.5</translation>
    </message>
    <message>
        <source>This is an address (0x + 40 characters), not a transaction hash.</source>
        <translation>这是一个地址（0x 加 40 个字符），不是交易哈希。</translation>
    </message>
    <message>
        <source>This is an address, not a transaction hash.</source>
        <translation>这是一个地址，不是交易哈希。</translation>
    </message>
    <message>
        <source>A transaction hash has 64 hex characters (after 0x); this has {n}.</source>
        <translation>交易哈希有 64 位十六进制字符（不含 0x）；这里只有 {n} 位。</translation>
    </message>
    <message>
        <source>A transaction hash has only 0-9 and a-f.</source>
        <translation>交易哈希只包含 0-9 和 a-f。</translation>
    </message>
    <message>
        <source>This network's hashes start with 0x.</source>
        <translation>该网络的交易哈希以 0x 开头。</translation>
    </message>
    <message>
        <source>This network's transaction ids have no 0x.</source>
        <translation>该网络的交易 ID 不带 0x。</translation>
    </message>
    <message>
        <source>This is a Solana transaction signature: choose Solana (SPL), or Auto-detect, to check it.</source>
        <translation>这是 Solana 的交易签名：请选择 Solana (SPL) 或“自动识别”后再检查。</translation>
    </message>
    <message>
        <source>This is a TON transaction hash (base64): choose TON, or Auto-detect, to check it.</source>
        <translation>这是 TON 的交易哈希（base64 格式）：请选择 TON 或“自动识别”后再检查。</translation>
    </message>
    <message>
        <source>A Solana transaction signature has 87 or 88 letters and digits (Base58, as Solscan shows it), no 0x; this has {n}.</source>
        <translation>Solana 交易签名由 87 或 88 个字母和数字组成（Base58 格式，与 Solscan 显示的一致），不带 0x；这里有 {n} 个字符。</translation>
    </message>
    <message>
        <source>A TON transaction hash has 64 hex characters, or 44 in base64 (as Tonviewer and Tonscan show it); this has {n}.</source>
        <translation>TON 交易哈希为 64 个十六进制字符，或 44 个 base64 字符（与 Tonviewer、Tonscan 显示的一致）；这里有 {n} 个字符。</translation>
    </message>
    <message>
        <source>This is not a transaction hash of the selected network.</source>
        <translation>这不是所选网络的交易哈希。</translation>
    </message>
    <message>
        <source>an EVM (0x…) address</source>
        <translation>EVM 网络（0x…）地址</translation>
    </message>
    <message>
        <source>a Tron (T…) address</source>
        <translation>Tron（T…）地址</translation>
    </message>
    <message>
        <source>a Solana address</source>
        <translation>Solana 地址</translation>
    </message>
    <message>
        <source>a TON address</source>
        <translation>TON 地址</translation>
    </message>
    <message>
        <source>This is a TON testnet address: test coins are worth nothing on mainnet.</source>
        <translation>这是 TON 测试网地址：测试币在主网上毫无价值。</translation>
    </message>
    <message>
        <source>This is not a complete Solana address: one has 32 to 44 letters and digits (Base58).</source>
        <translation>这不是完整的 Solana 地址：Solana 地址由 32 到 44 个字母和数字组成（Base58 格式）。</translation>
    </message>
    <message>
        <source>This is not a complete TON address: one has 48 characters (EQ… or UQ…), or is 0: and 64 hex characters; a character may be wrong.</source>
        <translation>这不是完整的 TON 地址：TON 地址为 48 个字符（EQ… 或 UQ… 开头），或写作 0: 加 64 个十六进制字符；可能有字符输错了。</translation>
    </message>
    <message>
        <source>The capital letters do not match the address's checksum: check it for a typo.</source>
        <translation>大小写与地址的校验不符：请检查是否有输入错误。</translation>
    </message>
    <message>
        <source>This Tron address fails its check digits: a character is wrong.</source>
        <translation>该 Tron 地址未通过校验：有字符输入错误。</translation>
    </message>
    <message>
        <source>This Bitcoin address fails its check (bech32): a character is wrong.</source>
        <translation>该比特币地址未通过校验（bech32）：有字符错误。</translation>
    </message>
    <message>
        <source>This is a Bitcoin testnet address: test coins are worth nothing on mainnet.</source>
        <translation>这是比特币测试网地址：测试币在主网上没有任何价值。</translation>
    </message>
    <message>
        <source>This is not a complete address.</source>
        <translation>这不是一个完整的地址。</translation>
    </message>
    <message>
        <source>This is {family}; it cannot receive on the selected network.</source>
        <translation>这是 {family}，无法在所选网络上收款。</translation>
    </message>
    <message>
        <source>That looked like a private key or seed phrase, and it was removed from the form. Never enter it anywhere: nobody, support included, needs it. It was not used, stored or sent. Enter the transaction hash and address instead.</source>
        <translation>刚才输入的内容看起来是私钥或助记词，已从表单中移除。请不要在任何地方输入它：任何人（包括客服）都不需要它。它没有被使用、存储或发送。请改为输入交易哈希和地址。</translation>
    </message>
    <message>
        <source>a Bitcoin address</source>
        <translation>Bitcoin 地址</translation>
    </message>
    <message>
        <source>an address of another network</source>
        <translation>其他网络的地址</translation>
    </message>
</context>
<context>
    <name>DiagnosePage</name>
    <message>
        <source>Diagnose</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Drop a transaction file here (text, CSV export, JSON, raw signed transaction), or paste a hash. Deposit Doctor never needs your private key or seed phrase.</source>
        <translation>将交易文件拖放到这里（文本、CSV 导出、JSON、原始已签名交易），或粘贴哈希。Deposit Doctor 绝不需要您的私钥或助记词。</translation>
    </message>
    <message>
        <source>Asking the networks…</source>
        <translation>正在查询各网络…</translation>
    </message>
    <message>
        <source>Diagnosis done.</source>
        <translation>诊断完成。</translation>
    </message>
    <message>
        <source>Deposit Doctor hit an internal error:</source>
        <translation>Deposit Doctor 出现内部错误：</translation>
    </message>
    <message>
        <source>Could not diagnose:</source>
        <translation>无法诊断：</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Cancelled: nothing was concluded.</source>
        <translation>已取消：没有得出结论。</translation>
    </message>
</context>
<context>
    <name>DropReader</name>
    <message>
        <source>The files could not be read: {reason}</source>
        <translation>无法读取这些文件：{reason}</translation>
    </message>
</context>
<context>
    <name>EngineWorker</name>
    <message>
        <source>the diagnosis process keeps stopping; close Deposit Doctor and start it again</source>
        <translation>诊断进程反复停止运行；请关闭 Deposit Doctor 后重新启动</translation>
    </message>
    <message>
        <source>the diagnosis process stopped unexpectedly</source>
        <translation>诊断进程意外停止</translation>
    </message>
</context>
<context>
    <name>ExportDialogs</name>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>Save cases</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <source>Case files (*.json)</source>
        <translation>记录文件 (*.json)</translation>
    </message>
    <message>
        <source>Open transaction files</source>
        <translation>打开交易文件</translation>
    </message>
    <message>
        <source>Transaction files (*.txt *.csv *.json *.hex);;All files (*)</source>
        <translation>交易文件 (*.txt *.csv *.json *.hex);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FactTableWidget</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy {value}</source>
        <translation>复制 {value}</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Save &amp;cases…</source>
        <translation>保存记录(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>HistoryFailedDialog</name>
    <message>
        <source>A new history could not be started: Deposit Doctor continues without one.</source>
        <translation>无法新建历史记录：Deposit Doctor 将在没有历史记录的情况下继续运行。</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
</context>
<context>
    <name>HistoryProblemDialog</name>
    <message>
        <source>The file: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <source>Move it aside (it is kept, renamed, in the same folder) and start a new history, or continue without one. Diagnosing works either way; without a history, this session's diagnoses are forgotten when you close Deposit Doctor.</source>
        <translation>可以把它移到一旁（重命名后保留在同一文件夹中）并新建历史记录，或在没有历史记录的情况下继续。两种方式都能正常诊断；没有历史记录时，本次的诊断结果会在关闭 Deposit Doctor 后丢失。</translation>
    </message>
    <message>
        <source>Diagnosing works, but this session's diagnoses are forgotten when you close Deposit Doctor. Free some disk space, or close the other program, and start Deposit Doctor again to keep them.</source>
        <translation>诊断可以正常进行，但本次的诊断结果会在关闭 Deposit Doctor 后丢失。请释放一些磁盘空间或关闭占用文件的其他程序，然后重新启动 Deposit Doctor 以保留记录。</translation>
    </message>
    <message>
        <source>Move it aside and start a new one</source>
        <translation>移到一旁并新建</translation>
    </message>
    <message>
        <source>Continue without a history</source>
        <translation>不使用历史记录继续</translation>
    </message>
    <message>
        <source>The history of past diagnoses is damaged, or is no Deposit Doctor history.</source>
        <translation>以往诊断的历史记录已损坏，或不是 Deposit Doctor 的历史记录。</translation>
    </message>
    <message>
        <source>The history of past diagnoses cannot be written: the file or its folder is read-only.</source>
        <translation>无法写入以往诊断的历史记录：文件或其所在文件夹是只读的。</translation>
    </message>
    <message>
        <source>The history of past diagnoses cannot be written: the disk is full.</source>
        <translation>无法写入以往诊断的历史记录：磁盘已满。</translation>
    </message>
    <message>
        <source>The history of past diagnoses is in use by another program.</source>
        <translation>以往诊断的历史记录正被其他程序使用。</translation>
    </message>
    <message>
        <source>The history of past diagnoses is from a newer Deposit Doctor.</source>
        <translation>以往诊断的历史记录来自更新版本的 Deposit Doctor。</translation>
    </message>
    <message>
        <source>The history of past diagnoses cannot be opened.</source>
        <translation>无法打开以往诊断的历史记录。</translation>
    </message>
</context>
<context>
    <name>HistoryWidget</name>
    <message>
        <source>Search by hash or address</source>
        <translation>按哈希或地址搜索</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Run again</source>
        <translation>再次诊断</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete all…</source>
        <translation>全部删除…</translation>
    </message>
    <message>
        <source>History problem: {reason}</source>
        <translation>历史记录问题：{reason}</translation>
    </message>
    <message>
        <source>Kept only until you close Deposit Doctor: the history file cannot be used.</source>
        <translation>仅保留到关闭 Deposit Doctor 为止：历史记录文件无法使用。</translation>
    </message>
    <message>
        <source>Delete all</source>
        <translation>全部删除</translation>
    </message>
    <message>
        <source>Delete every diagnosis kept on this computer?</source>
        <translation>删除本机保存的所有诊断记录？</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Deposit Doctor {version}</source>
        <translation>Deposit Doctor {version}</translation>
    </message>
    <message>
        <source>Diagnose</source>
        <translation>诊断</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>Watching: asked again every {seconds} s</source>
        <translation>监控中：每 {seconds} 秒重新查询一次</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <source>A batch is running: stop it before loading other cases.</source>
        <translation>批量诊断正在运行：请先停止，再载入其他记录。</translation>
    </message>
    <message>
        <source>Still watching</source>
        <translation>仍在监控</translation>
    </message>
    <message>
        <source>Deposit Doctor keeps watching in the tray.</source>
        <translation>Deposit Doctor 会在系统托盘中继续监控。</translation>
    </message>
    <message>
        <source>Cases saved to {path}</source>
        <translation>记录已保存到 {path}</translation>
    </message>
    <message>
        <source>Report written to {path}</source>
        <translation>报告已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>ProgressWidget</name>
    <message>
        <source>asking…</source>
        <translation>查询中…</translation>
    </message>
    <message>
        <source>not waited for: found elsewhere</source>
        <translation>未等待：已在其他网络上找到</translation>
    </message>
    <message>
        <source>found</source>
        <translation>已找到</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>could not be asked: {reason}</source>
        <translation>无法查询：{reason}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ResultWidget</name>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>The transaction</source>
        <translation>交易详情</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation>确认数</translation>
    </message>
    <message>
        <source>Copy message to support</source>
        <translation>复制给客服的留言</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Watch until credited</source>
        <translation>持续监控直至到账</translation>
    </message>
</context>
<context>
    <name>SamplesMenu</name>
    <message>
        <source>Credited (Ethereum USDT)</source>
        <translation>已到账（Ethereum USDT）</translation>
    </message>
    <message>
        <source>Too few confirmations</source>
        <translation>确认数不足</translation>
    </message>
    <message>
        <source>Stuck under a low tip (BNB Smart Chain)</source>
        <translation>小费过低而卡住（BNB Smart Chain）</translation>
    </message>
    <message>
        <source>Nonce gap</source>
        <translation>Nonce 缺口</translation>
    </message>
    <message>
        <source>Failed transfer (revert)</source>
        <translation>转账失败（回滚）</translation>
    </message>
    <message>
        <source>Tron OUT_OF_ENERGY</source>
        <translation>Tron 能量不足（OUT_OF_ENERGY）</translation>
    </message>
    <message>
        <source>Credited (Tron USDT)</source>
        <translation>已到账（Tron USDT）</translation>
    </message>
    <message>
        <source>Credited (Bitcoin)</source>
        <translation>已入账（比特币）</translation>
    </message>
    <message>
        <source>Too few confirmations (Bitcoin)</source>
        <translation>确认数不足（比特币）</translation>
    </message>
    <message>
        <source>Stuck under a low fee, RBF (Bitcoin)</source>
        <translation>手续费过低而卡住，可 RBF（比特币）</translation>
    </message>
    <message>
        <source>Replaced by fee (Bitcoin)</source>
        <translation>已被提高手续费的交易替换（比特币）</translation>
    </message>
    <message>
        <source>Look-alike address (Bitcoin)</source>
        <translation>相似地址（比特币）</translation>
    </message>
    <message>
        <source>Wrong network: sent on BEP-20 for an ERC-20 deposit</source>
        <translation>充错网络：ERC-20 充值地址却通过 BEP-20 转账</translation>
    </message>
    <message>
        <source>Fake USDT</source>
        <translation>假 USDT</translation>
    </message>
    <message>
        <source>Look-alike address (poisoning)</source>
        <translation>相似地址（地址投毒）</translation>
    </message>
    <message>
        <source>Unknown hash</source>
        <translation>未知哈希</translation>
    </message>
    <message>
        <source>Credited (Solana USDT)</source>
        <translation>已到账（Solana USDT）</translation>
    </message>
    <message>
        <source>Credited to a new token account (Solana)</source>
        <translation>已到账，并新建了代币账户（Solana）</translation>
    </message>
    <message>
        <source>Failed transfer: insufficient funds (Solana)</source>
        <translation>转账失败：余额不足（Solana）</translation>
    </message>
    <message>
        <source>Look-alike address (Solana)</source>
        <translation>相似地址（Solana）</translation>
    </message>
    <message>
        <source>Confirmed, not yet finalized (Solana)</source>
        <translation>已确认，尚未最终确定（Solana）</translation>
    </message>
    <message>
        <source>Processed, not yet confirmed (Solana)</source>
        <translation>已处理，尚未确认（Solana）</translation>
    </message>
    <message>
        <source>Wrong network: USDT sent on Solana for a Tron deposit address</source>
        <translation>充错网络：Tron 充值地址却在 Solana 上转了 USDT</translation>
    </message>
    <message>
        <source>Credited with its comment (TON USDT)</source>
        <translation>带正确备注已到账（TON USDT）</translation>
    </message>
    <message>
        <source>Sent without its comment (TON USDT)</source>
        <translation>转账时未填备注（TON USDT）</translation>
    </message>
    <message>
        <source>Sent with the wrong comment (TON USDT)</source>
        <translation>转账时备注填错（TON USDT）</translation>
    </message>
    <message>
        <source>Bounced transfer (TON)</source>
        <translation>转账被退回（TON）</translation>
    </message>
    <message>
        <source>Failed jetton transfer: compute phase (TON)</source>
        <translation>Jetton 转账失败：计算阶段出错（TON）</translation>
    </message>
    <message>
        <source>Wrong network: USDT sent on TON for a Tron deposit address</source>
        <translation>充错网络：Tron 充值地址却在 TON 上转了 USDT</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>示例(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>{network}: plain http: its answers could be read and changed on the way; use https</source>
        <translation>{network}：明文 http：其响应在传输途中可能被读取和篡改；请使用 https</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Endpoint (empty: public nodes)</source>
        <translation>节点地址（留空：使用公共节点）</translation>
    </message>
    <message>
        <source>Confirmations</source>
        <translation>确认数</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Timeout (seconds)</source>
        <translation>超时（秒）</translation>
    </message>
    <message>
        <source>TronGrid API key</source>
        <translation>TronGrid API 密钥</translation>
    </message>
    <message>
        <source>The key is kept in this computer's keyring, never in the settings file.</source>
        <translation>密钥保存在本机的系统钥匙串中，绝不会写入设置文件。</translation>
    </message>
    <message>
        <source>No keyring was found on this computer: the key is used until the app closes, and not saved.</source>
        <translation>本机没有可用的系统钥匙串：密钥仅在本次运行期间使用，不会保存。</translation>
    </message>
    <message>
        <source>Keep watching in the tray after the window is closed</source>
        <translation>关闭窗口后在系统托盘中继续监控</translation>
    </message>
    <message>
        <source>{network}: asking {url}…</source>
        <translation>{network}：正在连接 {url}…</translation>
    </message>
    <message>
        <source>{network}: connected, chain id {chain}, newest block {block}</source>
        <translation>{network}：已连接，链 ID {chain}，最新区块 {block}</translation>
    </message>
    <message>
        <source>{network}: connected, newest block {block}</source>
        <translation>{network}：已连接，最新区块 {block}</translation>
    </message>
    <message>
        <source>{network}: not usable: {reason}</source>
        <translation>{network}：不可用：{reason}</translation>
    </message>
    <message>
        <source>These endpoints are not http(s) addresses of a node: {networks}</source>
        <translation>以下节点地址不是有效的 http(s) 地址：{networks}</translation>
    </message>
</context>
<context>
    <name>TrayIcon</name>
    <message>
        <source>Show Deposit Doctor</source>
        <translation>显示 Deposit Doctor</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Progress of the search</source>
        <translation>查询进度(&amp;P)</translation>
    </message>
</context>
<context>
    <name>WatchPanel</name>
    <message>
        <source>Watching</source>
        <translation>监控中</translation>
    </message>
    <message>
        <source>Confirmed: {n} of {required}</source>
        <translation>已确认：{n} / {required}</translation>
    </message>
</context>
<context>
    <name>WatchWidget</name>
    <message>
        <source>Stop watching</source>
        <translation>停止监控</translation>
    </message>
    <message>
        <source>{n} of {required} confirmations</source>
        <translation>已确认 {n} / {required}</translation>
    </message>
    <message>
        <source>waiting for the first answer</source>
        <translation>等待首次查询结果</translation>
    </message>
    <message>
        <source>every {seconds} s</source>
        <translation>每 {seconds} 秒</translation>
    </message>
</context>
</TS>