"""Simplified Chinese report strings: the same keys and placeholders as en.py."""

from typing import Any

LANGUAGE = "zh"
HTML_LANG = "zh-CN"

REPORT: dict[str, str] = {
    "verdict": "诊断结论",
    "case": "您提交的信息",
    "findings": "检查结果",
    "evidence": "依据",
    "next_steps": "接下来怎么做",
    "networks_asked": "已查询的网络",
    "network": "网络",
    "tx_hash": "交易哈希（TxID）",
    "address": "地址",
    "token": "代币",
    "amount": "数量",
    "memo": "备注（Memo / Tag）",
    "direction": "类型",
    "deposit": "充值",
    "withdrawal": "提币",
    "found": "已找到",
    "not_found": "未找到",
    "unavailable": "无法查询",
    "diagnosed_at": "诊断时间",
    "app": "Deposit Doctor",
    "round_trips": "请求次数：{n}",
    "at_block": "区块高度",
    # Punctuation around labels and asides: each language writes its own.
    "colon": "：",
    "paren": "（{}）",
    "comma": "，",
    "list_sep": "、",
    "unencrypted": "通过明文 http 查询：传输途中任何人都能读取并篡改其响应（请使用 https）",
    "via": "，节点 ",
    "evidence_at_block": "读取于区块高度 {block}",
    "none": "—",
    "duration_s": "{s} 秒",
    "duration_m": "{m} 分钟",
    "duration_m_s": "{m} 分 {s} 秒",
    "duration_h_m": "{h} 小时 {m} 分钟",
    "duration_d": "{d} 天",
    "datetime_utc": "%Y年%-m月%-d日 %H:%M:%S UTC",
    "datetime_local": "%Y年%-m月%-d日 %H:%M:%S 本地时间 UTC{offset}",
    "report_title": "Deposit Doctor 诊断报告",
    "transaction": "交易详情",
    "status": "状态",
    "block": "区块",
    "time": "时间",
    "from": "转出地址",
    "to": "接收地址",
    "called_contract": "调用的合约",
    "fee": "网络手续费",
    "confirmations": "确认数",
    "confirmations_of": "已确认 {n} 个，需要 {required} 个",
    "links": "区块浏览器链接",
    "link_tx": "该笔交易",
    "link_deposit_address": "您的充值地址 {address}",
    "link_withdrawal_address": "您的收款地址 {address}",
    "link_sender": "转出地址 {address}",
    "link_recipient": "资金去向 {address}",
    "link_token": "代币 {symbol}",
    "message_to_support": "给客服的留言",
    "message_hint": "请将这段文字复制到交易所的在线客服聊天窗口或资产找回申请表中。",
    "deposit_noun": "充值",
    "withdrawal_noun": "提币",
    "deposit_address": "充值地址",
    "withdrawal_address": "提币地址",
    "support_message": "您好，我的{direction}尚未到账。币种：{coin}；网络：{network}；数量：{amount}；代币合约地址：{contract}；转出地址：{sender}；{address_label}：{address}；交易哈希（TxID）：{tx_hash}；时间：{time}。Deposit Doctor 诊断结果：{verdict}（{code}）。麻烦帮忙核实处理，谢谢！",
    "support_wrong_network": "您好，我的充值转错了网络，申请找回。充值地址对应的网络是 {expected}，但我是通过 {network} 转账的。币种：{coin}；数量：{amount}；{network} 上的代币合约地址：{contract}；转出地址：{sender}；{address_label}：{address}；交易哈希（TxID）：{tx_hash}；时间：{time}。Deposit Doctor 诊断结果：{verdict}（{code}）。麻烦帮忙处理，谢谢！",
    "support_credited": "您好，我的充值已在链上转入我的充值地址，确认数已满足要求，但至今未入账。币种：{coin}；网络：{network}；数量：{amount}；代币合约地址：{contract}；转出地址：{sender}；{address_label}：{address}；交易哈希（TxID）：{tx_hash}；时间：{time}。麻烦帮忙查询并入账，谢谢！（Deposit Doctor 诊断结果：{verdict}，{code}）",
    "form_item": "{label}：{value}",
    "support_form": " 按 {exchange} 找回表单填写：{items}。",
    "support_page": " {exchange} 客服：{url}",
    "support_exchange_sender": "{exchange} 的热钱包（{sender}）",
    "support_expected": "{moved}（预期 {expected}）",
    "support_elsewhere": "资金实际转入了 {recipient}，并非上述地址。",
    "support_not_needed_token_contract": "联系交易所也无法追回这些代币：它们在代币合约自身的地址中，您和交易所都无法把它们转出。",
    "support_not_needed_unsupported": "Deposit Doctor 暂时无法检查该网络：请使用该网络的区块浏览器（见上文），并把浏览器显示的信息提供给交易所客服。",
    "support_not_needed_replaced": "无需就这个哈希联系客服：它已被替换，永远不会确认。请改为诊断替换它的那笔交易（见上文）。",
    "support_not_needed_not_found": "暂时无需联系客服：没有任何网络知道这笔交易，交易所同样看不到它。请先在钱包的交易记录中核对哈希。",
    "support_not_needed_failed": "无需联系客服：该交易在链上执行失败，资金从未离开转出钱包。请按上文说明重新转账。",
    "support_not_needed_arrived": "无需联系客服：资金已在链上到达您的提币地址。",
    "support_not_needed_wait": "暂时无需联系客服：交易仍在处理中（见上文）。请稍候再重新诊断。",
    "support_not_needed_retry": "暂时无需联系客服：当前无法可靠地查询该网络。请几分钟后重试，或换用其他节点。",
    "support_not_needed_input": "请先更正输入的信息（见上方检查结果）：联系客服需要有效的交易哈希（TxID）和地址。",
    "support_not_needed_secret": "请勿将您输入的内容发给任何人，包括客服。请仅使用交易哈希（TxID）和地址重新诊断。",
    "no_findings_summary": "Deposit Doctor 未发现这笔交易有需要报告的问题。",
    "severity_info": "正常",
    "severity_warning": "警告",
    "severity_problem": "异常",
    "severity_critical": "严重",
    "node": "节点",
    "answer": "查询结果",
    "took": "耗时",
    "field": "字段",
    "value": "值",
    "redacted_note": "此副本中的地址和哈希值已做缩略处理。",
    "auto_detect": "自动识别",
    "any_network": "任何网络",
    "skipped": "未等待",
}

# Words checks put in evidence and params (as ``Term`` keys), so they follow the report's language.
# 交易所找回表单中各字段的名称（resources/exchanges/*.toml：recovery_form）。
FORM_FIELDS: dict[str, str] = {
    "coin": "币种",
    "amount": "数量",
    "network": "网络",
    "token_contract": "代币合约",
    "sender_address": "转出（From）地址",
    "deposit_address": "充值（To）地址",
    "txid": "TxID",
    "time": "时间",
    "remark": "备注",
}

TERMS: dict[str, str] = {
    "no_memo": "无：这笔充值没有附带任何备注（Memo/Comment）",
    "memo_required": "交易所给您的那个（其充值页面说明该网络需要填写）",
    "ton_exit_9": "数据不足（cell underflow）：消息内容不是合约所要求的格式（退出码 9）",
    "ton_exit_13": "Gas 不足：消息附带的 TON 不够支付合约执行费用（退出码 13）",
    "ton_exit_37": "TON 不足：转出账户付不起转账金额和手续费（退出码 37）",
    "ton_exit_47": "代币余额不足：转出的 Jetton 钱包余额少于转账数量（退出码 47）",
    "ton_exit_48": "Jetton 转账附带的 TON 不足以支付手续费（退出码 48）",
    "ton_exit_other": "合约拒绝了这条消息（见退出码）",
    "required_by_exchange": "交易所公布的数值",
    "required_by_network": "该网络的常用数值",
    "required_by_network_unknown": "该网络的常用数值（不知道交易所自己的数值）",
    "required_by_user": "您自己的设置",
    "required_by_case": "本次查询给出的数值",
    "recent_blocks_only": "仅近期区块（该节点不显示其待确认交易池）",
    "not_checked": "未检查：该节点不支持交易追踪",
    "no": "否",
    "rate_recommended": "节点推荐的费率",
    "rate_histogram": "内存池的费率分布（该节点不提供推荐费率）",
    "yes": "是",
    "not_yet": "尚未",
    "in_pool": "暂无（仍在节点的交易池中等待）",
    "success": "成功",
    "no_status": "无状态（2017 年以前的区块）",
    "failed_status": "失败（0）",
    "no_status_all_gas": "无状态（2017 年以前的区块）；gas 已全部用完",
    "activated": "已激活",
    "not_activated": "未激活（该地址从未收到过 TRX）",
    "not_found": "未找到",
    "found": "已找到",
    "hash_form_auto": "0x 加 64 位十六进制字符，或 64 位十六进制字符（0-9、a-f）；Solana 为 87 或 88 个 Base58 字符的交易签名；TON 还可以是 44 个 base64 字符",
    "hash_form_evm": "0x 加 64 位十六进制字符（0-9、a-f）",
    "hash_form_tron": "64 位十六进制字符（0-9、a-f），通常不带 0x",
    "hash_form_bitcoin": "64 位十六进制字符（0-9、a-f），不带 0x",
    "family_evm": "EVM 网络（0x 开头的地址：以太坊、BNB Smart Chain 等）",
    "family_tron": "Tron（T 开头的地址）",
    "family_bitcoin": "比特币",
    "family_solana": "Solana",
    "hash_form_ton": "64 位十六进制字符（0-9、a-f），不带 0x；或 44 个 base64 字符（与 Tonviewer、Tonscan 显示的一致）",
    "hash_form_solana": "交易签名：87 或 88 个 Base58 字符（字母和数字，不含 0、O、I、l）",
    "commitment_processed": "已处理（processed）：已进入区块，但集群尚未对该区块投票",
    "commitment_confirmed": "已确认（confirmed）：已获得多数质押投票，尚未最终确定",
    "commitment_finalized": "已最终确定（finalized）：不可逆",
    "family_ton": "TON（EQ…/UQ… 或 0:… 开头的地址）",
    "failed": "失败",
    "expired": "已过期，未被打包",
    "pending": "等待打包进区块",
    "field_tx_hash": "交易哈希",
    "field_address": "地址",
    "field_token": "代币",
    "field_amount": "数量",
    "field_memo": "备注（Memo / Tag）",
    "seed_phrase": "助记词（钱包恢复词）",
    "wif": "私钥（WIF 格式）",
    "extended_private_key": "扩展私钥（xprv）",
    "keystore": "加密的私钥文件（keystore）",
    "hex_private_key": "私钥（64 个十六进制字符）",
    "solana_private_key": "Solana 私钥（钱包导出的私钥）",
}

# Why a node could not be used (the keys of ``Unavailable``); a reason missing here is shown in English.
REASONS: dict[str, str] = {
    "no_pool": "该节点不显示其待确认交易池的内容",
    "no_trace": "{host} 不支持交易追踪，因此无法检查合约调用内部转移的金额",
    "not_esplora": "{host} 没有 {path}：这是 Esplora API 的基础地址吗（例如 https://mempool.space/api）？",
    "wrong_network": "{host} 服务的是另一个 {chain} 网络（其创世区块为 {got}…），不是 {network}",
    "wrong_global_id": "{host} 服务的是另一个 {chain} 网络（全局 ID 为 {got}），不是 {network}",
    "wrong_answer": "{host} 返回的交易与所查询的不同",
    "timeout": "{host} 在 {seconds} 秒内没有响应",
    "connect": "无法连接 {host}（节点已停止服务，或地址有误）",
    "http_429": "{host} 正在限制请求频率（HTTP 429）：请稍后再试，或换用其他节点",
    "http_5xx": "{host} 返回了服务器错误（HTTP {status}）",
    "http_refused": "{host} 拒绝了请求（HTTP {status}）",
    "not_api": "{host} 的响应不是节点 API 的格式（无法读取）",
    "other": "无法使用 {host}：{error}",
    "no_endpoint": "没有为 {network} 设置节点",
    "offline": "无法连接该网络的任何节点（{hosts}）：请检查本机是否已联网",
    "refused_method": "{host} 拒绝了 {method} 请求：{message}",
    "unreadable": "{host} 对 {method} 的响应无法读取",
    "rpc_error": "{host} 拒绝了该请求（JSON-RPC 错误 {code}：{message}）",
    "no_history": "{host} 知道这个签名（{level}），但没有保存这笔交易本身：请使用保存完整历史的节点",
    "wrong_chain": "{host} 是链 ID {got} 的节点，不是 {network}（链 ID {wanted}）的节点",
    "receipt_without_tx": "{host} 有该哈希的交易回执，却查不到交易本身",
    "block_without_receipt": "{host} 知道该交易所在的区块，却查不到交易回执；请换用其他节点",
    "no_nonce": "节点没有返回发送方的交易计数（nonce）",
    "api_error": "{host} 返回了错误：{error}",
    "trongrid_403": "{host} 拒绝了请求（HTTP 403）：TronGrid 在超出免费额度时会这样处理，请设置 TRON_PRO_API_KEY",
    "info_without_tx": "{host} 有该交易的执行信息，却查不到交易本身",
    "block_without_result": "{host} 知道该交易所在的区块，但尚未得到执行结果；请稍后重试",
    "no_answer": "{seconds} 秒内没有得到完整响应",
    "skipped": "已先在 {network} 上找到该交易",
    "no_adapter": "此处无法查询 {network}",
}

EVIDENCE: dict[str, str] = {
    "memo_on_chain": "链上的备注（Memo/Comment）",
    "memo_expected": "交易所给您的备注",
    "failed_at": "执行失败的账户",
    "exit_code": "退出码",
    "exit_meaning": "退出码含义",
    "exchange_pattern": "交易所公布的地址格式",
    "exchange_networks": "交易所为该币种列出的网络",
    "required_by": "数值来源",
    "figure_source": "数值出处及读取日期",
    "unlock_confirmations": "可提现前所需确认数",
    "unlock_eta_seconds": "预计可提现时间",
    "exchange": "交易所",
    "exchange_accepts": "交易所接受的充值",
    "exchange_minimum": "交易所最小充值数量",
    "pool_ahead_count": "节点交易池中排在它前面、出价更高的交易数",
    "congestion_basis": "判断依据",
    "internal_transfers": "合约调用内部转移的金额",
    "paid_by_contract": "付款合约",
    "shared_leading": "相同的开头字符数（同类地址共有的前缀之后）",
    "shared_trailing": "相同的结尾字符数",
    "chance_one_in": "偶然相同的概率",
    "fee_rate_sat_vb": "费率（sat/vB）",
    "rbf_signalled": "可通过提高手续费替换（已标记 RBF）",
    "unconfirmed_parents": "其来源交易仍在等待的输入数",
    "next_block_rate_sat_vb": "进入下一个区块所需费率（sat/vB）",
    "hour_rate_sat_vb": "一小时内确认所需费率（sat/vB）",
    "rate_source": "费率来源",
    "mempool_count": "内存池中等待的交易数",
    "mempool_vsize": "这些交易的大小（虚拟字节）",
    "backlog_blocks": "积压量（折合区块数）",
    "replaced_by": "替换它的交易",
    "hash_entered": "您输入的哈希值",
    "hash_length": "字符数",
    "address_entered": "您提供的地址",
    "address_family": "该地址所属网络",
    "network_answer": "节点返回结果",
    "node_unavailable": "无法查询节点的原因",
    "head_block": "节点已知的最新区块",
    "head_age_seconds": "该区块距今时间",
    "block": "区块",
    "nonce": "Nonce",
    "status": "状态",
    "block_time": "出块时间",
    "transfer": "转账",
    "gas_used": "已用 gas",
    "gas_limit": "gas 上限",
    "revert_reason": "回滚（REVERT）原因",
    "fee_paid": "已付手续费",
    "confirmations": "确认数",
    "required_confirmations": "所需确认数",
    "eta_seconds": "预计等待时间",
    "next_base_fee_gwei": "下一区块的基础费用（gwei）",
    "max_fee_gwei": "设置的最高费用（gwei）",
    "max_priority_fee_gwei": "设置的优先费用（gwei）",
    "gas_price_gwei": "设置的 gas 价格（gwei）",
    "effective_tip_gwei": "实际给出的小费（gwei）",
    "typical_included_tip_gwei": "近期区块打包的最低小费（gwei）",
    "sender_mined_count": "发送方已上链的交易数",
    "sender_pending_count": "发送方交易数（含等待中的交易）",
    "recent_block_fullness_percent": "近期区块占用率（%）",
    "median_base_fee_gwei": "近期常见基础费用（gwei）",
    "pool_pending_count": "节点交易池中等待的交易数",
    "to_contract": "调用的合约",
    "method": "调用的方法",
    "sent_to": "接收方",
    "amount": "数量",
    "amount_expected": "您预期的数量",
    "token_stated": "您所说发送的币种",
    "token_contract": "代币合约地址",
    "token_symbol": "代币符号",
    "official_contract": "官方合约地址",
    "final_block": "最新不可逆区块（Tron 称“已固化”，Solana 称“已最终确定”）",
    "irreversible": "不可逆",
    "recipient_account": "收款账户",
    "result": "链上结果",
    "energy_used": "已用能量（Energy）",
    "fee_limit": "发送方设置的手续费上限（fee limit）",
    "energy_fee": "为支付能量而燃烧的 TRX",
    "node_message": "节点原始信息（英文）",
    "expires_at": "过期时间",
    "same_account_as": "该账户在当前网络上的地址写法",
    "refused_field": "被拒绝的字段",
    "secret_kind": "疑似内容",
    "network_expected": "您想使用的网络",
    "network_found": "交易实际所在网络",
    "funds_at": "资金在该网络上的这个地址",
    "commitment": "确认级别",
    "token_account_opened": "本交易新开立的代币账户（及其所有者）",
    "priority_fee": "优先费（基础手续费之外）",
    "failed_program": "执行失败的程序",
    "failed_instruction": "失败的指令（序号）",
}

VERDICTS: dict[str, Any] = {
    "MEMO_MISSING": {
        "wrong": "已到账，但备注与您的不一致：交易所无法识别这笔充值属于您",
        "": "已到账，但没有填写备注：交易所无法识别这笔充值属于您",
    },
    "UNSUPPORTED_NETWORK": {
        "address_found": "已在 {network} 上转账，但您给出的地址属于 {unsupported}",
        "address": "这是 {unsupported} 地址：Deposit Doctor 暂时无法检查该网络",
        "": "这是 {unsupported} 上的交易：Deposit Doctor 暂时无法检查该网络",
    },
    "NETWORK_NOT_SUPPORTED_BY_EXCHANGE": "{exchange} 不接受 {network} 上的 {coin}：请申请找回",
    "SECRET_DETECTED": "已中止——您输入的内容疑似私钥或助记词",
    "INPUT_INVALID_HASH": "该交易哈希在 {network} 上无效",
    "INPUT_INVALID_ADDRESS": "地址无效",
    "ADDRESS_NETWORK_MISMATCH": "该地址不属于 {network}",
    "NETWORK_MISMATCH": "转账在 {found} 上，而不是 {expected}",
    "TX_FAILED": {
        "withdrawal": "交易失败——资金从未离开交易所",
        "": "交易失败——资金并未转出",
    },
    "TX_DROPPED_REPLACED": "已被替换——这笔交易永远不会确认",
    "SENT_TO_TOKEN_CONTRACT": {
        "pending": "即将把 {symbol} 转入代币合约——请立即取消",
        "": "已转入代币合约：这些 {symbol} 将永久无法取回",
    },
    "ADDRESS_POISONING_SUSPECTED": {
        "pending": "即将转入仿冒地址——疑似地址投毒",
        "": "已转入其他地址——疑似地址投毒",
    },
    "TOKEN_NOT_OFFICIAL": "不是真正的 {symbol}：转账的是仿冒代币",
    "RECIPIENT_MISMATCH": {"pending": "正在转往其他地址", "": "已转入其他地址"},
    "NO_TRANSFER_TO_ADDRESS": {
        "approve": "没有转出任何资产：这是一笔授权（approve），不是转账",
        "other_token": "您的地址没有收到 {token}：这笔交易转的是 {moved}",
        "internal_unknown": "没有找到转入您地址的记录，且无法检查这次合约调用内部转移的币",
        "contract_call": "这笔合约调用中没有发现转入您地址的代币转账",
        "": "没有任何资产转入您的地址",
    },
    "NODE_OUT_OF_SYNC": "无法可靠检查：节点未同步到最新区块",
    "NONCE_GAP": {
        "missing": "交易卡住：缺少前一笔交易（nonce {missing_nonce}）",
        "stuck": "正在等待前一笔未确认的交易（nonce {missing_nonce}）",
    },
    "FEE_TOO_LOW": "交易卡住：手续费过低",
    "TX_PENDING": {
        "expired": "已过期——这笔交易未被打包，也不会再被打包",
        "solana_processed": "已进入区块，但尚未获得集群投票确认",
        "": "等待打包进区块",
    },
    "CONFIRMATIONS_INSUFFICIENT": {
        "exchange": "等待达到 {exchange} 要求的 {required} 个确认（目前 {confirmations} 个，约还需 {eta_seconds}）",
        "not_final": "等待区块变为不可逆（约还需 {eta_seconds}）",
        "": "等待确认中（{confirmations}/{required}，约还需 {eta_seconds}）",
    },
    "AMOUNT_BELOW_MINIMUM": "低于交易所的最小充值数量",
    "AMOUNT_MISMATCH": "数量与您预期的不一致",
    "INTERNAL_TRANSFER": "通过合约调用到账（内部转账）",
    "TOKEN_UNKNOWN": "已到账，但 Deposit Doctor 无法识别该代币",
    "CONFIRMATIONS_SUFFICIENT": {
        "exchange": "已上链且超过 {exchange} 要求的 {required} 个确认——{exchange} 应该已经入账：请把这份报告发给他们",
        "not_credited": "链上已确认，但没有可入账的资产转入您的地址",
        "withdrawal": "链上已到账——资金已在您的提币地址上",
        "": "链上已转入充值地址——等待交易所入账",
    },
    "TX_CONFIRMED": "已打包进区块且执行成功",
    "NODE_UNAVAILABLE": {
        "chosen_not_found": "不在 {chosen} 上；{networks} 无法查询——请检查网络连接，暂时不要重复转账",
        "": "无法检查：节点没有响应",
    },
    "TX_NOT_FOUND": {
        "never_broadcast": "从未广播：没有任何节点收到这笔已签名交易",
        "searched": "在查询的 {count} 个网络上均未找到",
        "": "在 {network} 上未找到",
    },
    "NETWORK_CONGESTED": "网络拥堵",
    "INTERNAL_CHECK_ERROR": "Deposit Doctor 出现内部错误，结果不完整",
    "NO_FINDINGS": "没有需要报告的问题",
}

_CONTACT = "请联系交易所客服，并提供本报告（TxID、网络、数量、地址）。"
_NEVER_SECRET = "客服绝不会向您索要密码、私钥或助记词：切勿将其发送给任何人。"
_STILL_IN_WALLET = "资金仍在转出钱包中：请查看钱包余额。"
_NO_HISTORY_COPY = "切勿从交易记录中复制地址。"

FINDINGS: dict[str, dict[str, Any]] = {
    "MEMO_MISSING": {
        "title": "充值的备注缺失或填错",
        "explanation": {
            "missing": "这笔充值已到达交易所的地址，但没有附带备注（TON 上称为 Comment）。交易所的许多用户共用同一个地址，靠备注区分每笔充值属于谁，所以无法自动把这笔充值记入您的账户。资金并没有丢失：它在交易所的钱包里。",
            "wrong": "这笔充值已到达交易所的地址，但附带的备注是“{memo}”，不是交易所给您的那个。交易所靠备注区分共用地址上的充值，所以无法自动记入您的账户（也可能被记给该备注的主人）。资金在交易所的钱包里。",
        },
        "next_steps": {
            "any": [
                "请交易所人工入账：交易所通过申请表或客服（{recovery_url}）处理漏填或填错备注的充值。请提供本报告：交易哈希（TxID）、数量、时间以及您自己的备注。",
                "不要再不带备注向同一地址转账：每一笔漏填备注的充值都需要单独申请找回。下次请从交易所的充值页面同时复制地址和备注（Comment）。",
            ]
        },
    },
    "SECRET_DETECTED": {
        "title": "您输入了敏感信息",
        "explanation": {
            "seed_phrase": "您在“{field}”一栏输入的内容看起来像助记词（钱包的恢复词）。系统在进行任何查询之前已拒绝该内容，不会存储、记录或发送，也不会在本报告中显示。",
            "": "您在“{field}”一栏输入的内容看起来像私钥。系统在进行任何查询之前已拒绝该内容，不会存储、记录或发送，也不会在本报告中显示。",
        },
        "next_steps": {
            "any": [
                _NEVER_SECRET,
                "如果您曾将其告诉他人，或粘贴到任何网站或聊天窗口中，请立即将资金转移到新钱包。",
                "请改为输入交易哈希（TxID）和地址：诊断只需要这些信息。",
            ]
        },
    },
    "UNSUPPORTED_NETWORK": {
        "title": "Deposit Doctor 暂不支持的网络",
        "explanation": {
            "address_found": "这笔交易在 {network} 上，但您给出的地址属于 {unsupported}，无法在 {network} 上收款。如果这是交易所给您的地址，那么这笔交易并没有转到该地址：其他检查结果说明了资金的去向。",
            "tx_hash": "您输入的交易是 {unsupported} 上的交易（或指向它的链接）。Deposit Doctor 暂时无法检查 {unsupported}，因此没有在该网络上查询；这不是无效的哈希。",
            "address": "您输入的地址是 {unsupported} 地址。Deposit Doctor 暂时无法检查 {unsupported}；如果这是交易所给您的地址，充值应在 {unsupported} 上进行，而不是 {network}。",
        },
        "next_steps": {
            "any": [
                "请在 {unsupported} 的区块浏览器上查询这笔交易，并把哈希、地址和数量提供给交易所客服。",
                "如果您指的是其他网络，请改为输入该网络的交易哈希和地址。",
            ]
        },
    },
    "INPUT_INVALID_HASH": {
        "title": "交易哈希在此网络上无效",
        "explanation": {
            "empty": "未输入交易哈希。",
            "evm_address": "这是一个地址（0x + 40 位十六进制字符），不是交易哈希。{network} 上的交易哈希格式为：{expected}。",
            "address": "这是一个钱包地址，不是交易哈希。{network} 上的交易哈希格式为：{expected}。",
            "wrong_length": "哈希长度不正确（{length} 个字符）。{network} 上的交易哈希格式为：{expected}；可能缺了一部分，或复制时多带了其他内容。",
            "not_hex": "哈希中含有哈希值不可能出现的字符。{network} 上的交易哈希格式为：{expected}。",
            "bare_hex64": "不带 0x 的 64 位哈希不是 {network} 的交易哈希。",
            "evm": "0x 开头的哈希不是 {network} 的交易哈希。",
            "base58_signature": "这是 Solana 的交易签名，不是 {network} 的交易哈希：带有这种签名的交易只可能在 Solana 上。",
        },
        "next_steps": {
            "base58_signature": ["请选择 Solana (SPL) 或“自动识别”后重新诊断。"],
            "any": ["请从钱包或交易所的记录中重新完整复制 TxID，然后重试。"],
        },
    },
    "INPUT_INVALID_ADDRESS": {
        "title": "地址无效",
        "explanation": {
            "exchange_format": "该地址不符合 {exchange} 在 {network_name} 上的充值地址格式（依据 {exchange} 为该币种和网络公布的格式）：可能有字符错误，或该地址来自其他地方。",
            "bech32": "该地址未通过其内置校验（bech32）：有字符输错、遗漏或颠倒。以 bc1 开头的比特币地址长度为 42 或 62 个字符。",
            "testnet": "这是比特币测试网地址：测试币没有价值，任何交易所都不会在 {network} 上接收。请从交易所的充值页面复制主网地址（bc1…、1… 或 3… 开头）。",
            "checksum": "地址中的大小写字母与其校验和（EIP-55）不符：很可能有字符输错，这笔交易也不是转到这个地址的。",
            "base58check": "地址未通过内置校验（Base58Check）：有字符输错、缺失或顺序颠倒。Tron 地址共 34 个字符，以 T 开头。",
            "malformed": "这不是格式正确的 {network} 地址。",
            "empty": "未输入地址。",
        },
        "next_steps": {"any": ["请从来源处（交易所的充值页面或您的钱包）重新复制地址，不要手动输入。"]},
    },
    "ADDRESS_NETWORK_MISMATCH": {
        "title": "该地址属于其他网络",
        "explanation": {
            "tron": "这是 Tron（TRC-20）地址，但您选择的是 {network}。Tron 地址无法在 {network} 上收款。",
            "bitcoin": "这是 Bitcoin 地址，但您选择的是 {network}。",
            "solana": "这是 Solana 地址，但您选择的是 {network}。Solana 地址无法在 {network} 上收款。",
            "ton": "这是 TON 地址（EQ…/UQ… 或 0:… 开头），但您选择的是 {network}。TON 地址无法在 {network} 上收款：转给它的 USDT 走的是 TON 网络，而交易所在 TON 上通常还需要填写其提供的备注（Comment）。",
            "evm": "这是 EVM 网络（Ethereum、BNB Smart Chain 等）的 0x 地址，但您选择的是 {network}。",
        },
        "next_steps": {
            "testnet": ["请在交易所充值页面获取主网地址（bc1…、1… 或 3… 开头）：测试网的币无法充值。"],
            "deposit": [
                "请在交易所的充值页面确认该地址对应的网络，并选择该网络重新诊断。",
                "如果您已经通过与充值页面不同的网络转账，请携带本报告联系客服，申请找回充错网络的资产。",
            ],
            "withdrawal": ["请确认提币时选择的网络；收款地址必须属于该网络。"],
        },
    },
    "INTERNAL_CHECK_ERROR": {
        "title": "Deposit Doctor 出现内部错误",
        "explanation": "{check} 检查失败，错误信息：{error}。其他检查结果仍然有效。",
        "next_steps": {"any": ["请将此问题连同本报告反馈给 Deposit Doctor 的开发者。"]},
    },
    "NETWORK_MISMATCH": {
        "title": "转账使用了其他网络：{found}",
        "explanation": {
            "same_address.deposit": "您想使用的是 {expected}，但这笔交易在 {found} 上。资金已转入您在该链上的地址 {address}，因此资金就在 {found} 上的这个地址里：并没有丢失，只是不在交易所查收 {expected} 充值的地方。持有该地址在这条链上私钥的交易所（同一个 0x 地址，多数交易所都持有）通常可以找回，有时会收取手续费；也有交易所不找回其在该链上未上线的代币。",
            "same_address.withdrawal": "您想使用的是 {expected}，但这笔提币是通过 {found} 发出的，已转入您的地址 {address}。资金就在 {found} 上的这个地址里：只显示 {expected} 的钱包看不到它。",
            "other_family": "您想使用的是 {expected}，但这笔交易在 {found} 上。{expected} 的地址无法在 {found} 上收款，因此资金没有到达您的 {expected} 地址。如果您只是在 Deposit Doctor 中选错了网络，下面的检查结果已经是该交易在 {found} 上的情况。",
            "": "您想使用的是 {expected}，但这笔交易在 {found} 上。下面的检查结果描述的是它在 {found} 上的情况。",
        },
        "next_steps": {
            "same_address.deposit": [
                "请联系交易所客服申请找回充错网络的资产，并提供本报告（实际转账网络：{found}）。",
                "在客服答复之前，请不要再向 {found} 上的这个地址转账。",
                "以后转账时，请在转出钱包中选择与交易所充值页面相同的网络。",
            ],
            "same_address.withdrawal": [
                "请在钱包中切换到 {found}（地址相同），即可看到并使用这笔资金。",
                "如果您的钱包不支持 {found}，请使用支持该网络的钱包并导入同一组助记词；切勿将助记词交给任何人。",
            ],
            "withdrawal": ["请携带本报告询问交易所：您选择的是 {expected}，为什么提币通过 {found} 发出。"],
            "deposit": [
                "如果您只是在 Deposit Doctor 中选错了网络，请选择 {found} 重新诊断。",
                "如果您确实是通过 {found} 转账的，请查看资金的去向（“接收方”）：如果那是交易所在 {found} 上的地址，请携带本报告联系客服申请找回充错网络的资产。",
                "如果资金转入的是您自己在 {found} 上控制的地址，资金就在那里。",
            ],
        },
    },
    "TX_NOT_FOUND": {
        "title": {"never_broadcast": "这笔已签名交易从未到达网络", "": "未找到该交易"},
        "explanation": {
            "never_broadcast": "查询的节点（{networks}）都不知道您提供的这笔已签名交易，而它的 nonce {nonce} 仍未被使用（发送方已有 {mined_count} 笔交易被打包进区块）：这笔交易从未广播，或在被打包前已从交易池中丢弃。它仍然可以原样重新发送。",
            "": "在 {networks} 上查询的所有节点均已响应，但都未找到该哈希。可能是交易从未广播、已从交易池中被丢弃，或哈希有输入错误。（只保留近期记录的节点也会查不到较早的交易。）",
        },
        "next_steps": {
            "searched": [
                "请确认哈希是从发送钱包的交易记录中完整复制的。",
                "Deposit Doctor 支持的所有网络都已查询。如果您使用的是它不支持的链，请在该链的区块浏览器中查询这个哈希。",
                "如果钱包显示该交易失败或已取消，说明资金并未转出。",
            ],
            "never_broadcast": [
                "请用签名它的钱包重新发送（或在任一区块浏览器的广播页面广播这笔原始交易）：资金并未转出。",
                "如果它的 nonce 大于发送方已打包的交易数，说明缺少更早的一笔交易：请先发送那一笔。",
            ],
            "deposit": [
                "请确认哈希是从发送钱包的交易记录中完整复制的。",
                "请确认您转账时使用的网络；其他网络上的交易在这里查不到。",
                "如果钱包显示该交易失败或已取消，说明资金并未转出。",
            ],
            "withdrawal": [
                "请向交易所索取这笔提币的 TxID；如果交易所尚未显示 TxID，说明还没有发出。",
                "请确认这笔提币所用的网络。",
            ],
        },
    },
    "NODE_UNAVAILABLE": {
        "title": {"chosen_not_found": "不在您选择的网络上；其他网络无法查询", "": "有节点无法查询"},
        "explanation": {
            "chosen_not_found": "{chosen} 的节点完整响应了，且不知道这笔交易。它可能在其他网络上，但 {networks} 无法查询：{reason}。在能够查询之前，这不等于“未找到”。",
            "": "{networks} 的节点没有给出可用的响应：{reason}。因此无法判断该网络上的交易情况：这不等于“未找到”。",
        },
        "next_steps": {
            "any": [
                "请检查网络连接后重试，或为 {networks} 换用其他节点地址（窗口中：设置；命令行中：--rpc NETWORK=URL）。",
                "请不要因为这个结果而重复转账。",
            ]
        },
    },
    "NODE_OUT_OF_SYNC": {
        "title": "节点未同步到最新区块",
        "explanation": "该节点已知的最新区块已是 {age_seconds} 之前的；正常同步的节点落后不会超过 {allowed_seconds}。它返回的结果可能已过时。",
        "next_steps": {"any": ["请稍后重试，或换用其他节点，再下结论。"]},
    },
    "TX_PENDING": {
        "title": {
            "expired": "已过期，未被打包",
            "solana_processed": "已进入区块，等待集群投票确认",
            "": "等待打包进区块",
        },
        "explanation": {
            "queued": "节点知道这笔交易（nonce {nonce}），但它尚未被打包进区块：节点交易池中有 {ahead} 笔出价更高的交易排在它前面，按网络速度约 {eta_seconds} 后会被打包。在此之前，资金尚未转移。",
            "bitcoin": "内存池中有这笔交易，费率为 {fee_rate} sat/vB，但它尚未被打包进区块。在此之前，资金尚未转移。",
            "expired": "节点的交易池中有这笔待处理交易，但它从未被打包进区块，并已于 {expires_at} 过期。Tron 交易一旦超过过期时间就会被网络丢弃，永远不会确认：资金没有发生任何转移。",
            "expires": "节点的交易池中有这笔待处理交易，但尚未被打包进区块（如果一直未被打包，将于 {expires_at} 过期）。在被打包进区块之前，资金不会发生任何转移。",
            "no_nonce": "节点的交易池中有这笔待处理交易，但尚未被打包进区块。在此之前，资金不会发生任何转移。",
            "solana_processed": "该交易已进入一个区块，但集群尚未对该区块投票（processed）。这类区块大多在几秒内得到确认；少数会被跳过，那样这笔交易就等于从未发生。在确认之前，请不要视为资金已转移。",
            "": "节点已收到这笔交易（nonce {nonce}），但尚未被打包进区块。在此之前，资金不会发生任何转移。",
        },
        "next_steps": {
            "bitcoin.deposit": [
                "请等待：费率决定矿工何时打包它（手续费相关的结论会说明费率是否足够）。",
                "等待期间请勿重复转账：如果两笔都被确认，您将支付两次。",
            ],
            "bitcoin.withdrawal": ["请等待；如果数小时仍未确认，请联系交易所加速这笔提币。"],
            "solana_processed": [
                "请等待几秒钟后重新诊断：交易确认后即会显示确认数。",
                "暂时不要重新发送：如果两笔都成功，您将支付两次。",
            ],
            "expired.deposit": [
                _STILL_IN_WALLET,
                "请重新发起一笔新的转账；已过期的交易永远无法入账。",
            ],
            "expired.withdrawal": ["请联系交易所重新发出这笔提币：该交易已过期，未能发出。"],
            "expires.deposit": [
                "请稍候：Tron 交易通常几秒内就会被打包进区块，否则将于 {expires_at} 过期，资金不会转移。",
                "如果交易过期，请重新转账；Tron 交易无法加速。",
            ],
            "expires.withdrawal": [
                "请稍候：交易通常几秒内就会被打包进区块，否则将于 {expires_at} 过期；过期后请联系交易所重新发出。"
            ],
            "no_nonce.deposit": ["请等待一分钟后重新诊断；如果仍未被打包，请重新转账。"],
            "no_nonce.withdrawal": ["请等待一分钟；如果仍未被打包，请联系交易所重新发出。"],
            "deposit": [
                "请耐心等待；交易被打包进区块并达到足够的确认数后，充值才会到账。",
                "如果长时间处于待处理状态，本报告中关于手续费和 nonce 的检查结果（如有）会说明原因。",
            ],
            "withdrawal": ["请耐心等待；如果长时间处于待处理状态，请询问交易所是否会加速这笔交易。"],
        },
    },
    "TX_CONFIRMED": {
        "title": "已打包进区块且执行成功",
        "explanation": {
            "solana_new_account": "该交易已打包进区块 {block}，并已成功执行。它同时为接收钱包开立了该代币的代币账户（见下方依据）：部分钱包需要手动添加该代币后才会显示。",
            "": "该交易已打包进区块 {block}，并已成功执行。",
        },
        "next_steps": {"any": []},
    },
    "TX_FAILED": {
        "title": "交易失败",
        "explanation": {
            "revert": "该交易已打包进区块，但执行被回滚（REVERT）：“{reason}”。没有任何资产转出，只消耗了网络手续费（{fee}）。",
            "out_of_gas": "该交易 gas 耗尽：已用 gas {gas_used}，达到了 gas 上限 {gas_limit}。没有任何资产转出，但网络手续费（{fee}）仍被扣除。",
            "unknown": "该交易已打包进区块，但执行失败（状态 0）。没有任何资产转出，但网络手续费（{fee}）仍被扣除。",
            "out_of_energy": "该交易能量不足（OUT_OF_ENERGY）：共消耗 {energy_used} 能量，发送方质押的能量和设置的手续费上限（{fee_limit}）不足以支付。代币转账已回滚，代币从未离开转出钱包；为支付能量而燃烧的 TRX（{burned}）不予退还。",
            "out_of_time": "合约调用的执行时间超过了 Tron 的限制（OUT_OF_TIME），已被终止。没有任何资产转出，但手续费（{fee}）仍被扣除。",
            "tron_other": "合约调用在链上执行失败（{result}）。没有任何资产转出，但手续费（{fee}）仍被扣除。",
            "solana_insufficient_funds": "转账失败：转出账户余额不足（{result}）。没有任何资产转出，但网络手续费（{fee}）仍被扣除。",
            "solana_insufficient_funds_for_fee": "发送方无法支付网络手续费（{result}），因此交易没有执行任何操作。",
            "solana_insufficient_funds_for_rent": "交易失败：执行后某个账户剩余的 SOL 将低于 Solana 要求账户保留的最低金额（租金，{result}）。没有任何资产转出，但网络手续费（{fee}）仍被扣除。",
            "solana_account_not_found": "交易失败：所需的某个账户不存在（{result}），例如转出方的代币账户，或从未收到过资金的账户。没有任何资产转出，但网络手续费（{fee}）仍被扣除。",
            "solana_invalid_account": "交易失败：某个账户与程序预期的不符（{result}），例如接收方的代币账户尚未创建，或属于其他程序。没有任何资产转出，但网络手续费（{fee}）仍被扣除。",
            "solana_mint_mismatch": "交易失败：两个代币账户属于不同的代币（mint 不匹配，{result}）。没有任何资产转出，但网络手续费（{fee}）仍被扣除。",
            "solana_owner_mismatch": "交易失败：签名者并不是所转出代币账户的所有者（所有者不匹配，{result}）。没有任何资产转出，但网络手续费（{fee}）仍被扣除。",
            "solana_account_frozen": "交易失败：某个代币账户已被该代币的发行方冻结（{result}）。没有任何资产转出，但网络手续费（{fee}）仍被扣除。",
            "solana_blockhash_not_found": "交易被拒绝：其最近区块哈希（recent blockhash）已过期（{result}），因此从未被执行。",
            "solana_compute_exceeded": "交易用尽了计算预算（{result}），已被终止。没有任何资产转出，但网络手续费（{fee}）仍被扣除。",
            "solana_custom": "交易中的某个程序执行失败，返回了其自定义错误码 {code}（{result}）。没有任何资产转出，但网络手续费（{fee}）仍被扣除。",
            "solana_other": "该交易已打包进区块，但执行失败（{result}）。没有任何资产转出，但网络手续费（{fee}）仍被扣除。",
            "ton_compute": "这笔转账在 TON 上失败：{failed_at} 的交易以退出码 {code} 终止（{meaning}）。没有任何资产转出，但手续费（{fee}）仍被扣除。",
            "ton_action": "这笔转账在 TON 上失败：{failed_at} 的交易未能发出消息（执行阶段结果码 {code}）。没有任何资产转出，但手续费（{fee}）仍被扣除。",
            "ton_bounced": "这笔转账在 TON 上被退回（bounce）：接收合约 {failed_at} 拒绝了这条消息（{meaning}），资产已扣除网络手续费后退回转出方。收款方没有收到任何资产。",
        },
        "next_steps": {
            "revert.deposit": [
                _STILL_IN_WALLET,
                "请查看回滚原因：如果与发送方的余额或授权额度有关，请处理后重新转账；如果是代币合约本身拒绝（合约已暂停、地址被列入黑名单），只有代币发行方能进一步说明。交易所无法为失败的交易入账。",
            ],
            "out_of_gas.deposit": [
                _STILL_IN_WALLET,
                "请提高 gas 上限后重新转账（可让钱包自动估算）；交易所无法为失败的交易入账。",
            ],
            "solana_insufficient_funds.deposit": [
                _STILL_IN_WALLET,
                "请减少金额后重新发送，或先为转出钱包充值（并保留少量 SOL 用于支付手续费）；交易所无法为失败的交易入账。",
            ],
            "out_of_energy.deposit": [
                _STILL_IN_WALLET,
                "请提高手续费上限（fee limit）后重新转账，或先质押（或租用）足够的能量；钱包中请保留足够的 TRX 用于支付能量费用。交易所无法为失败的交易入账。",
            ],
            "deposit": [_STILL_IN_WALLET, "请重新转账；交易所无法为失败的交易入账。"],
            "withdrawal": ["请联系交易所：这笔提币在链上执行失败，资金从未离开交易所。请将本报告提供给客服。"],
        },
    },
    "TX_DROPPED_REPLACED": {
        "title": "已被另一笔交易替换",
        "explanation": {
            "input_spent": "这笔交易花费的一笔币已被另一笔交易（{by}）花费：这是手续费替换（RBF）或双花。这笔交易永远不会确认。",
            "input_spent_not_found": "这笔交易花费的一笔币已被另一笔交易（{by}）花费：这是手续费替换（RBF）或双花。这笔交易永远不会确认。",
            "rbf": "节点的替换记录显示，这笔交易已被 {by} 替换（手续费替换，RBF）。这笔交易永远不会确认，请关注替换它的那笔交易。",
            "rbf_not_found": "已没有节点保存这笔交易：节点的替换记录显示它已被 {by} 替换（手续费替换，RBF）。请改为诊断 {by}；这笔交易永远不会确认。",
            "not_found": "没有任何节点知道您提供的这笔已签名交易，而它的 nonce {nonce} 已被占用：发送方已有 {mined_count} 笔交易被打包进区块。另一笔使用相同 nonce 的交易（加速或取消）取代了它，因此这笔交易永远不会确认。",
            "": "这笔交易使用的是发送方的 nonce {nonce}，但发送方已有 {mined_count} 笔交易被打包进区块：nonce {nonce} 已被另一笔交易（加速或取消）占用。这笔交易永远不会确认。",
        },
        "next_steps": {
            "deposit": ["请在发送钱包的交易记录中找到替换它的那笔交易，并改用那个哈希进行诊断。"],
            "withdrawal": ["请向交易所索取替换这笔交易的那笔交易的 TxID。"],
        },
    },
    "CONFIRMATIONS_INSUFFICIENT": {
        "title": "确认数不足",
        "explanation": {
            "exchange": "{exchange} 在 {required} 个确认后为充值入账；这笔交易目前有 {confirmations} 个确认。按网络速度约 {eta_seconds} 后入账，{unlock} 个确认后（约 {unlock_eta_seconds} 后）可提现。",
            "not_final": "该交易已有 {confirmations} 个确认（需要 {required} 个），但 {network} 尚未将其所在区块变为不可逆区块（Tron 称“固化”，Solana 称“最终确定”）；通常约 {eta_seconds} 内完成。",
            "": "该交易已获得 {confirmations} 个确认，共需 {required} 个；按当前网络速度，约还需 {eta_seconds}。",
        },
        "next_steps": {
            "deposit": ["请耐心等待；达到 {required} 个确认后，交易所会为这笔充值入账。"],
            "withdrawal": ["请耐心等待；达到足够的确认数后，钱包会显示资金已最终到账。"],
        },
    },
    "CONFIRMATIONS_SUFFICIENT": {
        "title": "确认数已足够",
        "explanation": "该交易已有 {confirmations} 个确认；所需确认数为 {required} 个。",
        "next_steps": {
            "exchange": [
                "{exchange} 应该已经入账。联系他们之前，请先在您的 {exchange} 账户中检查：是否有关于这笔充值的旅行规则（Travel Rule）问卷、您的身份认证（KYC）等级、该币种在该网络上暂停充值的公告，以及您使用的充值地址是否仍是账户当前显示的地址。",
                "然后联系 {exchange} 客服（{support_url}），并把这份报告发给他们。",
            ],
            "not_credited": ["确认数不是问题所在：本报告中的其他检查结果说明了问题所在。"],
            "deposit": ["如果交易所仍未入账，需要由交易所给出说明：" + _CONTACT],
            "withdrawal": [
                "资金已到达收款地址。如果钱包中没有显示，请在钱包中添加该代币的合约地址，并确认钱包显示的是同一网络。"
            ],
        },
    },
    "FEE_TOO_LOW": {
        "title": "手续费过低",
        "explanation": {
            "rbf": "这笔交易的费率为 {paid_rate} sat/vB；要在约一小时内确认需要 {needed_rate} sat/vB。矿工优先打包费率更高的交易，因此它可能要等上数天。",
            "cpfp": "这笔交易的费率为 {paid_rate} sat/vB；要在约一小时内确认需要 {needed_rate} sat/vB。它没有标记可替换（RBF），因此大多数钱包无法直接提高它的手续费。",
            "below_base_fee": "这笔交易每单位 gas 最多出价 {paid_gwei} gwei，但下一个区块的基础费用为 {needed_gwei} gwei。在费用降到其出价以下之前，它无法被打包。",
            "low_tip": "这笔交易每单位 gas 的小费为 {paid_gwei} gwei，而近期区块打包的交易小费至少约为 {needed_gwei} gwei。出块者会优先打包手续费更高的交易。",
        },
        "next_steps": {
            "rbf.deposit": [
                "请在钱包中通过提高手续费替换这笔交易（“提高手续费”/“加速”）：它已标记 RBF，费率更高的替换交易会取代它。",
                "或者等待：积压消化后它就会被确认，除非内存池先把它丢弃（约两周后，或内存池已满时更早）。",
            ],
            "cpfp.deposit": [
                "子交易为父交易付费（CPFP）：用一笔高手续费的新交易花费它的找零输出（很多钱包称之为“加速”），矿工会把两笔一起打包。",
                "或者等待：内存池约两周后会丢弃这笔交易（Bitcoin Core 默认 336 小时），届时这些币会重新回到您的钱包中可用。",
            ],
            "deposit": ["请在钱包中加速这笔交易（以相同 nonce、更高手续费替换），或取消后重新转账。"],
            "withdrawal": ["请联系交易所加速这笔提币；只有发送方才能提高手续费。"],
        },
    },
    "NONCE_GAP": {
        "title": "正在等待前一笔交易",
        "explanation": {
            "missing": "这笔交易使用 nonce {nonce}，但发送方 nonce 为 {missing_nonce} 的交易从未发出或已被丢弃。交易按 nonce 顺序执行，因此这笔交易会一直等待，直到 nonce {missing_nonce} 被使用。",
            "stuck": "这笔交易使用 nonce {nonce}，但发送方更早的、nonce 为 {missing_nonce} 的交易本身仍在等待。这笔交易无法排在它前面。",
        },
        "next_steps": {
            "missing.deposit": [
                "补上空缺：从 {sender} 用 nonce {missing_nonce} 发送任意一笔小额交易（例如转给自己）；这笔交易会随后执行。"
            ],
            "deposit": ["请在钱包中加速或取消 nonce 为 {missing_nonce} 的交易；这笔交易会随后执行。"],
            "withdrawal": ["请联系交易所处理其从 {sender} 发出、卡住的交易（nonce {missing_nonce}）。"],
        },
    },
    "NETWORK_CONGESTED": {
        "title": "网络拥堵",
        "explanation": {
            "pool_ahead": "有 {ahead} 笔待确认交易的出价高于这笔交易：约合 {blocks} 个区块的容量，出块者会先打包它们。",
            "backlog": "内存池中积压了约 {blocks} 个区块的待确认交易：按每 10 分钟一个区块计算，出价不高于它们的交易都要等待。",
            "full_blocks": "近期区块的占用率为 {fullness_percent}%：交易在争抢区块空间，手续费低的交易需要等待。",
            "fee_surge": "当前手续费远高于近期水平：按平常手续费发出的交易需要等待。",
        },
        "next_steps": {
            "deposit": ["通常等高峰过去就会被处理；如想更快，可在钱包中提高手续费加速。"],
            "withdrawal": ["通常等高峰过去就会被处理；只有交易所才能提高其提币交易的手续费。"],
        },
    },
    "NO_TRANSFER_TO_ADDRESS": {
        "title": {"other_token": "币种与您所说的不同", "": "没有资产转入您的地址"},
        "explanation": {
            "internal_unknown": "这笔交易调用了合约，没有记录到转入您地址的代币转账。合约也可能在调用内部向地址付款（例如交易所的批量出金、智能合约钱包）；该节点不支持交易追踪，因此无法检查：这不等于“什么都没转”。",
            "approve": "这笔交易是一次授权（approve，即允许他人动用您的代币），不是转账：没有任何代币转移。",
            "nothing": "这笔交易执行成功，但没有向任何人转出币或代币。",
            "other_token": "您说发送的是 {token}，但这笔交易转入您地址的是 {moved}。",
            "contract_call": "这笔交易调用了合约方法，但没有记录到转入您地址的代币转账。当前版本不检查合约内部转移的币：请在区块浏览器的“内部交易”（Internal Txns）标签页中查看。",
        },
        "next_steps": {
            "internal_unknown": [
                "请在区块浏览器（下方链接）查看这笔交易的“内部交易”，或换用支持交易追踪的节点再次诊断（设置 / --rpc）。"
            ],
            "other_token.deposit": [
                "请确认您转账时选择的币种；交易所只会按实际到账的币种入账，且前提是交易所在该网络上支持该币种。"
            ],
            "other_token.withdrawal": ["请在交易所的提币记录中确认您提取的是哪个币种。"],
            "deposit": ["请在钱包的交易记录中找到实际的那笔转账，并改用那个哈希进行诊断。"],
            "withdrawal": ["请向交易所索取实际那笔转账的 TxID。"],
        },
    },
    "RECIPIENT_MISMATCH": {
        "title": "转入了其他地址",
        "explanation": {
            "pending": "这笔仍在等待中的交易会将资产转到 {recipient}，而不是您提供的地址（{address}）。目前资金尚未转移。",
            "": "资产转到了 {recipient}，而不是您提供的地址（{address}）。",
        },
        "next_steps": {
            "pending.deposit": ["如果地址有误，请在交易被打包前立即取消或替换这笔交易（相同 nonce，更高手续费）。"],
            "pending.withdrawal": ["请立即联系交易所：这笔提币仍在等待中，将转到 {recipient}。"],
            "deposit": [
                "请将钱包交易记录中的地址与交易所的充值地址逐个字符核对。",
                "转入非交易所控制的地址的资金无法入账；只有该地址的所有者才能退还。",
            ],
            "withdrawal": [
                "请将交易所提币记录中的提币地址与您钱包的地址进行核对。",
                "请携带本报告联系交易所客服。",
            ],
        },
    },
    "SENT_TO_TOKEN_CONTRACT": {
        "title": {"pending": "即将把代币转入代币合约", "": "代币被转入了代币合约"},
        "explanation": {
            "pending": "这笔交易要把 {amount} 转到 {contract}，这是一个代币合约，而不是钱包。一旦被打包进区块，代币将永远留在该合约中：代币合约无法把它们再转出。",
            "own": "{amount} 被转到了 {contract}：这是 {symbol} 合约自身的地址，而不是钱包或充值地址。代币合约无法把代币再转出，因此它们将永远留在那里。您和交易所都无法撤销；只有代币发行方才可能处理，而发行方几乎从不处理。",
            "": "{amount} 被转到了 {contract}，这是一个代币合约的地址，而不是钱包或充值地址。代币合约无法把代币再转出，因此它们将永远留在那里。您和交易所都无法撤销。",
        },
        "next_steps": {
            "pending": ["请立即取消：在钱包中用相同 nonce、更高手续费发一笔转给自己的交易来替换它。"],
            "any": [
                "不要向任何声称能帮您追回的人付款：没有人能追回，这类说法都是骗局。",
                "请始终从交易所的充值页面复制充值地址；切勿把代币的合约地址当作收款地址。",
            ],
        },
    },
    "INTERNAL_TRANSFER": {
        "title": "通过合约调用到账",
        "explanation": "{amount} 是在调用合约 {contract} 的过程中转入您地址的（内部转账：批量出金、智能合约钱包或跨链桥），而不是普通转账。它同样已经上链，但许多交易所不会自动为内部转账入账。",
        "next_steps": {
            "deposit": [
                "如果尚未入账，请联系交易所客服手动为这笔内部转账入账：把这份报告（TxID、付款合约、金额）发给他们。"
            ],
            "withdrawal": ["币已在您的地址上；如果钱包没有显示，请查看钱包的“内部交易”记录。"],
        },
    },
    "NETWORK_NOT_SUPPORTED_BY_EXCHANGE": {
        "title": "交易所不接受该网络上的这个币种",
        "explanation": {
            "not_listed": "{exchange} 只在其他网络上接受 {coin} 充值，不包括 {network}（其公布的网络列表见依据）。在交易所未列出的网络上充值不会自动入账，无论等多久。",
            "": "根据 {exchange} 公布的列表，它不接受 {network} 上的 {coin} 充值。这样的充值无论等多久都不会自动入账。",
        },
        "next_steps": {
            "any": [
                "请向 {exchange} 申请找回不支持的充值（{recovery_url}），并附上这份报告。交易所会逐个处理，有的会收取费用。",
                "下次请在转出方选择交易所充值页面为 {coin} 列出的网络。",
            ]
        },
    },
    "AMOUNT_BELOW_MINIMUM": {
        "title": "低于交易所的最小充值数量",
        "explanation": {
            "said": "已到账 {moved}，但 {exchange} 在 {network} 上该币种的最小充值数量为 {minimum}。其官方页面写道：{policy}",
            "": "已到账 {moved}，但 {exchange} 在 {network} 上该币种的最小充值数量为 {minimum}：低于该数量的充值不会自动入账。",
        },
        "next_steps": {
            "any": [
                "请询问 {exchange} 客服（{support_url}）能否为其入账；有的交易所会在之后的充值使总额超过最小数量时一并入账，有的则永不入账。",
                "在 {exchange} 确认可行之前，不要为了凑够数量而继续转账。",
            ]
        },
    },
    "ADDRESS_POISONING_SUSPECTED": {
        "title": "疑似地址投毒",
        "explanation": {
            "pending": "这笔仍在等待中的交易会将资金转到 {recipient}，该地址的开头和结尾与您的地址 {address} 相同，但实际上是另一个地址：这是地址投毒诈骗的典型特征。目前资金尚未转移。",
            "": "资金转到了 {recipient}，该地址的开头和结尾与您的地址 {address} 相同，但实际上是另一个地址。骗子会从这类仿冒地址向您发送极小额转账，使其出现在您的交易记录中，诱使您复制。转入该地址的资金几乎肯定无法追回。",
        },
        "next_steps": {
            "pending.deposit": [
                "请在交易被打包前立即取消或替换这笔交易（相同 nonce，更高手续费）。",
                _NO_HISTORY_COPY,
            ],
            "pending.withdrawal": ["请立即联系交易所：这笔提币仍在等待中，将转到一个仿冒地址。"],
            "deposit": [
                _NO_HISTORY_COPY + "每次都请从交易所的充值页面获取地址。",
                "请将本报告提交给交易所客服，举报该诈骗地址。",
            ],
            "withdrawal": [
                _NO_HISTORY_COPY + "请使用钱包自带的收款页面或地址簿中已保存的地址。",
                "请将本报告提交给交易所客服，举报该诈骗地址。",
            ],
        },
    },
    "TOKEN_NOT_OFFICIAL": {
        "title": "不是官方 {symbol}",
        "explanation": "转账的代币名为 {symbol}，但其合约 {contract} 并不是 {network} 上官方 {symbol} 的合约地址（{official}）。交易所不会为这类仿冒代币入账，它们通常毫无价值。",
        "next_steps": {
            "deposit": [
                "如果有人用这种代币向您付款，请将其视为诈骗。",
                "请改为发送官方代币；请在钱包中核对合约地址。",
            ],
            "withdrawal": ["请确认钱包中显示的是官方合约地址，并从钱包的代币列表中移除仿冒代币。"],
        },
    },
    "TOKEN_UNKNOWN": {
        "title": "未知代币",
        "explanation": "转移的代币（{symbol}，合约 {contract}）不在 Deposit Doctor 的 {network} 代币列表中。",
        "next_steps": {"any": ["请在交易所的充值页面确认其支持这个合约地址的代币。"]},
    },
    "AMOUNT_MISMATCH": {
        "title": "数量不一致",
        "explanation": "转入您地址的是 {moved}，但您预期的是 {expected}。",
        "next_steps": {
            "withdrawal": ["交易所可能扣除了提币手续费；请与提币记录中显示的手续费进行对比。"],
            "more.withdrawal": ["请确认这是否是正确的提币记录：到账数量比您预期的多。"],
            "deposit": [
                "请在发送钱包的交易记录中核对数量：实际转账数量与您记得的不同，或发送方平台扣除了手续费，都可能造成差异。"
            ],
        },
    },
}


# 批量命令的汇总与进度，以及交易所对每个案例会如何处理。
BATCH: dict[str, str] = {
    "row": "序号",
    "source": "来源",
    "tx_hash": "交易哈希 (TxID)",
    "network": "网络",
    "verdict_code": "结论代码",
    "verdict": "结论",
    "confirmations": "确认数",
    "amount": "金额",
    "decision": "交易所处理",
    "report": "报告文件",
    "decision_arrived": "现在应已入账：若仍未到账，请联系客服",
    "decision_wait": "尚未入账：请等待网络确认",
    "decision_support": "不会自动入账：请带上报告联系客服",
    "decision_lost": "不会入账：资金没有到达",
    "decision_fix_input": "无法判断：请更正后重新运行",
    "decision_retry": "暂时无法判断：节点无法访问，请稍后重试",
    "decision_none": "交易所无需处理：请查看报告",
    "failed": "未能诊断：{reason}",
    "skipped_input": "读取时跳过：{reason}",
}

# What could not be read from a dropped file, a pasted text or a batch's input, and why.
INTAKE: dict[str, str] = {
    "secret": "您提供的内容看起来包含私钥、私钥文件（keystore）或助记词：其中的任何内容都没有被使用、存储或发送。请勿将其提供给任何人，包括客服。",
    "too_large": "文件太大，不像是交易列表（{size} 字节；上限 {limit}）。",
    "binary": "这不是文本文件（图片或程序？）：没有读取任何内容。",
    "unreadable": "无法读取 {name}：{reason}",
    "not_a_file": "{name} 不是文件（是文件夹或设备）：没有读取任何内容。",
    "no_case": "其中没有找到交易哈希。",
    "bad_json": "无法读取该 JSON 文件（第 {line} 行，第 {column} 列）。",
    "unknown_version": "该记录文件来自更新版本的 Deposit Doctor（版本 {version}）。",
    "not_cases": "该 JSON 文件中没有 Deposit Doctor 记录。",
    "case_no_hash": "第 {case} 条记录没有交易哈希，已跳过。",
    "bad_field": "第 {case} 条记录：无法读取 {field}，已忽略。",
    "csv_no_hash_column": "该 CSV 文件没有交易哈希（TxID）列。",
    "csv_row_no_hash": "第 {row} 行没有交易哈希，已跳过（该行内容：{value}）。",
    "csv_cell_too_long": "第 {row} 行有一个单元格超过 {limit} 个字符（可能是引号未闭合）：文件其余部分未读取。",
    "amount_out_of_range": "第 {row} 行：数量 {value} 超出范围（不小于 10^30，或超过 40 位数字），已忽略。",
    "json_too_deep": "该 JSON 文件嵌套了 {depth} 层，而案例文件的嵌套不超过 {limit} 层：未读取任何内容。",
    "json_number_too_long": "该 JSON 文件含有一个 {digits} 位的数字，而案例文件中的数字不超过 {limit} 位：未读取任何内容。",
    "csv_row_internal_transfer": "第 {row} 行已跳过：{value} 是交易所内部转账，不上链，没有可查询的链上交易。",
    "csv_row_hash_as_number": "第 {row} 行已跳过：其哈希显示为 {value}，这是 Excel 把长数字显示成的科学计数法，丢失的位数无法恢复。请以文本方式打开导出文件（或从交易所页面复制 TxID）后重试。",
    "csv_row_truncated_hash": "第 {row} 行已跳过：哈希 {value} 被截短了。请从交易所或区块浏览器页面复制完整哈希。",
    "csv_row_hash_wrong_length": "第 {row} 行已跳过：{value} 有 {length} 位十六进制字符，而交易哈希应为 64 位。复制时可能多了或少了字符。",
    "csv_row_address_as_hash": "第 {row} 行已跳过：{value} 是地址，不是交易哈希。",
    "csv_row_not_a_hash": "第 {row} 行已跳过：{value} 不是交易哈希（可能是交易所自己的记录编号）。",
    "csv_row_unsupported_network": "第 {row} 行已跳过：它属于 {network}（{value}），Deposit Doctor 暂不支持检查该网络。",
    "unsupported_network": "第 {line} 行：{value} 属于 {network}，Deposit Doctor 暂不支持检查该网络，已略过。",
    "csv_unreadable": "该 CSV 文件从第 {row} 行起无法读取：{reason}",
    "unknown_network": "第 {row} 行：未知网络 {name}；将使用自动识别。",
    "unknown_network_case": "第 {case} 条记录：未知网络 {name}；将使用自动识别。",
    "bad_amount": "第 {row} 行：数量 {value} 不是数字，已忽略。",
    "bad_raw_transaction": "无法解析该原始交易：{reason}",
    "unknown_chain_id": "该原始交易属于链 ID {chain_id}，Deposit Doctor 不支持该链。",
    "other": "其中有内容无法读取（{key}）。",
}
