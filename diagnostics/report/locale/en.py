"""English report strings: every word a report says, in one place.

Placeholders name a finding's params (``{confirmations}``), plus ``{network}`` (the display name of the
network the finding is about). A title, explanation or verdict that varies is a dict; a next-steps dict
is looked up by "variant.direction", then variant, then direction ("deposit", "withdrawal"), then "any".
"""

from typing import Any

LANGUAGE = "en"
HTML_LANG = "en"

REPORT: dict[str, str] = {
    "verdict": "Verdict",
    "case": "Your case",
    "findings": "Findings",
    "evidence": "Evidence",
    "next_steps": "What to do now",
    "networks_asked": "Networks asked",
    "network": "Network",
    "tx_hash": "Transaction hash",
    "address": "Address",
    "token": "Token",
    "amount": "Amount",
    "memo": "Memo / tag / comment",
    "direction": "Direction",
    "deposit": "deposit",
    "withdrawal": "withdrawal",
    "found": "found",
    "not_found": "not found",
    "unavailable": "could not be asked",
    "diagnosed_at": "Diagnosed at",
    "app": "Deposit Doctor",
    "round_trips": "round trips: {n}",
    "at_block": "at block",
    # Punctuation around labels and asides: each language writes its own.
    "colon": ": ",
    "paren": " ({})",
    "comma": ", ",
    "list_sep": ", ",
    "unencrypted": "asked over plain http: anyone on the way could read and change its answers (use https)",
    "via": " via ",
    "evidence_at_block": "read at block {block}",
    "none": "—",
    "duration_s": "{s} s",
    "duration_m": "{m} min",
    "duration_m_s": "{m} min {s} s",
    "duration_h_m": "{h} h {m} min",
    "duration_d": "{d} days",
    "datetime_utc": "%Y-%m-%d %H:%M:%S UTC",
    "datetime_local": "%Y-%m-%d %H:%M:%S local time (UTC{offset})",
    "report_title": "Deposit Doctor report",
    "transaction": "The transaction",
    "status": "Status",
    "block": "Block",
    "time": "Time",
    "from": "From",
    "to": "To",
    "called_contract": "Contract called",
    "fee": "Network fee",
    "confirmations": "Confirmations",
    "confirmations_of": "{n} of {required} required",
    "links": "Explorer links",
    "link_tx": "The transaction",
    "link_deposit_address": "Your deposit address {address}",
    "link_withdrawal_address": "Your receiving address {address}",
    "link_sender": "Sender {address}",
    "link_recipient": "Where the funds went {address}",
    "link_token": "Token {symbol}",
    "message_to_support": "Message to support",
    "message_hint": "Copy this paragraph into your exchange's support chat or recovery form.",
    "deposit_noun": "deposit",
    "withdrawal_noun": "withdrawal",
    "deposit_address": "Deposit address",
    "withdrawal_address": "Receiving address",
    "support_message": "Hello, my {direction} has not arrived. Coin: {coin}. Network: {network}. Amount: {amount}. Token contract: {contract}. From address: {sender}. {address_label}: {address}. TxID: {tx_hash}. Time: {time}. Deposit Doctor's diagnosis: {verdict} ({code}).",
    "support_credited": "Hello, my deposit has reached my deposit address on-chain with enough confirmations, but it is not credited to my account yet. Coin: {coin}. Network: {network}. Amount: {amount}. Token contract: {contract}. From address: {sender}. {address_label}: {address}. TxID: {tx_hash}. Time: {time}. Please check and credit it. (Deposit Doctor: {verdict}, {code}.)",
    "support_wrong_network": "Hello, I made a deposit on the wrong network and ask you to recover it. The deposit address is for {expected}, but I sent on {network}. Coin: {coin}. Amount: {amount}. Token contract on {network}: {contract}. From address: {sender}. {address_label}: {address}. TxID: {tx_hash}. Time: {time}. Deposit Doctor's diagnosis: {verdict} ({code}).",
    "form_item": "{label}: {value}",
    "support_form": " For {exchange}'s refund form: {items}.",
    "support_page": " {exchange} support: {url}",
    "support_exchange_sender": "{exchange}'s hot wallet ({sender})",
    "support_expected": "{moved} (I expected {expected})",
    "support_elsewhere": " The funds went to {recipient}, not to the address above.",
    "support_not_needed_token_contract": "Writing to the exchange will not bring these tokens back: they are in a token contract's own address, which neither you nor the exchange can move them out of.",
    "support_not_needed_unsupported": "Deposit Doctor cannot check this network yet: use its explorer (named above) and give the exchange's support what it shows.",
    "support_not_needed_replaced": "No need to contact support about this hash: it was replaced and will never confirm. Diagnose the transaction that replaced it (see above) instead.",
    "support_not_needed_not_found": "No need to contact support yet: no network knows this transaction, so the exchange cannot see it either. Check the hash in your wallet's history first.",
    "support_not_needed_failed": "No need to contact support: the transaction failed on-chain, so the funds never left the sending wallet. Send again (see above).",
    "support_not_needed_arrived": "No need to contact support: the funds are at your receiving address on-chain.",
    "support_not_needed_wait": "No need to contact support yet: the transaction is on its way (see above). Wait, then diagnose again.",
    "support_not_needed_retry": "No need to contact support yet: the network could not be checked reliably. Try again in a few minutes, or with another endpoint.",
    "support_not_needed_input": "First correct what you entered (see the findings above): a message to support needs a valid TxID and address.",
    "support_not_needed_secret": "Do not send what you entered to anyone, support included. Diagnose again with the TxID and the address only.",
    "no_findings_summary": "Deposit Doctor found nothing to report about this transaction.",
    "severity_info": "OK",
    "severity_warning": "Warning",
    "severity_problem": "Problem",
    "severity_critical": "Critical",
    "node": "Node",
    "answer": "Answer",
    "took": "Time taken",
    "field": "Field",
    "value": "Value",
    "redacted_note": "Addresses and hashes are shortened in this copy.",
    "auto_detect": "Auto-detect",
    "any_network": "any network",
    "skipped": "not waited for",
}

# Words checks put in evidence and params (as ``Term`` keys), so they follow the report's language.
# What exchanges' own refund forms call their fields (resources/exchanges/*.toml: recovery_form).
FORM_FIELDS: dict[str, str] = {
    "coin": "Coin",
    "amount": "Amount",
    "network": "Network",
    "token_contract": "Token contract",
    "sender_address": "Sending (From) address",
    "deposit_address": "Deposit (To) address",
    "txid": "TxID",
    "time": "Time",
    "remark": "Remark",
}

TERMS: dict[str, str] = {
    "no_memo": "none: the deposit carries no memo or comment",
    "memo_required": "the one the exchange gave you (its deposit page says this network needs one)",
    "ton_exit_9": "cell underflow: the message did not hold what the contract expected (exit code 9)",
    "ton_exit_13": "out of gas: the message did not carry enough TON to pay for running the contract (exit code 13)",
    "ton_exit_37": "not enough TON: the sending account could not pay the value and fees (exit code 37)",
    "ton_exit_47": "not enough tokens: the sending jetton wallet holds less than the amount sent (exit code 47)",
    "ton_exit_48": "not enough TON attached for the jetton transfer's fees (exit code 48)",
    "ton_exit_other": "the contract refused the message (see the code)",
    "required_by_exchange": "the exchange's published figure",
    "required_by_network": "the network's usual figure",
    "required_by_network_unknown": "the network's usual figure (the exchange's own is not known)",
    "required_by_user": "your own setting",
    "required_by_case": "the figure given with this case",
    "recent_blocks_only": "recent blocks only (this node does not show its pool of waiting transactions)",
    "not_checked": "not checked: this node does not trace transactions",
    "no": "no",
    "rate_recommended": "the endpoint's recommended rates",
    "rate_histogram": "the mempool's fee histogram (the endpoint recommends none)",
    "yes": "yes",
    "not_yet": "not yet",
    "in_pool": "none yet (waiting in the node's pool)",
    "success": "success",
    "no_status": "no status (pre-2017 block)",
    "failed_status": "failed (0)",
    "no_status_all_gas": "no status (pre-2017 block); all gas used",
    "activated": "activated",
    "not_activated": "not activated (it has never received TRX)",
    "not_found": "not found",
    "found": "found",
    "hash_form_auto": "0x followed by 64 hex characters, or 64 hex characters (0-9, a-f); on Solana a signature of 87 or 88 Base58 characters; on TON also 44 base64 characters",
    "hash_form_evm": "0x followed by exactly 64 hex characters (0-9, a-f)",
    "hash_form_tron": "exactly 64 hex characters (0-9, a-f), usually without 0x",
    "hash_form_bitcoin": "exactly 64 hex characters (0-9, a-f), without 0x",
    "family_evm": "an EVM network (0x address: Ethereum, BNB Smart Chain …)",
    "family_tron": "Tron (T… address)",
    "family_bitcoin": "Bitcoin",
    "family_solana": "Solana",
    "mainnet_form_evm": "0x…",
    "mainnet_form_tron": "T…",
    "mainnet_form_bitcoin": "bc1…, 1… or 3…",
    "mainnet_form_solana": "32 to 44 Base58 characters",
    "mainnet_form_ton": "EQ… or UQ…",
    "hash_form_ton": "64 hex characters (0-9, a-f) without 0x, or 44 base64 characters, as Tonviewer and Tonscan show it",
    "hash_form_solana": "a transaction signature: 87 or 88 Base58 characters (letters and digits, no 0, O, I or l)",
    "commitment_processed": "processed: in a block the cluster has not voted on yet",
    "commitment_confirmed": "confirmed: voted on by most of the stake, not yet final",
    "commitment_finalized": "finalized: irreversible",
    "family_ton": "TON (EQ…/UQ… or 0:… address)",
    "failed": "failed",
    "pending": "waiting for a block",
    "expired": "expired without a block",
    "field_tx_hash": "transaction hash",
    "field_address": "address",
    "field_token": "token",
    "field_amount": "amount",
    "field_memo": "memo / tag / comment",
    "seed_phrase": "a seed phrase (recovery words)",
    "wif": "a private key (WIF)",
    "extended_private_key": "an extended private key (xprv)",
    "keystore": "an encrypted key file (keystore)",
    "hex_private_key": "a private key (64 hex characters)",
    "solana_private_key": "a Solana private key (a wallet's exported key)",
}

EVIDENCE: dict[str, str] = {
    "memo_on_chain": "Memo / comment on chain",
    "memo_expected": "Memo / comment you were given",
    "failed_at": "Account whose transaction failed",
    "exit_code": "Exit code",
    "exit_meaning": "What the code means",
    "exchange_pattern": "The exchange's published address pattern",
    "exchange_networks": "Networks the exchange lists for this coin",
    "required_by": "Whose figure",
    "figure_source": "Where the figure was read, and when",
    "unlock_confirmations": "Confirmations before it can be withdrawn",
    "unlock_eta_seconds": "Withdrawable in about",
    "exchange": "Exchange",
    "exchange_accepts": "Deposits the exchange takes",
    "exchange_minimum": "The exchange's minimum deposit",
    "pool_ahead_count": "Better-paying transactions ahead of it in the node's pool",
    "congestion_basis": "Judged from",
    "internal_transfers": "Value moved inside the contract call",
    "paid_by_contract": "Paid by the contract",
    "shared_leading": "Same leading characters (after the part every such address shares)",
    "shared_trailing": "Same trailing characters",
    "chance_one_in": "Chance of that by accident",
    "fee_rate_sat_vb": "Fee rate (sat/vB)",
    "rbf_signalled": "Replaceable by fee (RBF signalled)",
    "unconfirmed_parents": "Inputs whose own transaction is still waiting",
    "next_block_rate_sat_vb": "Rate for the next block (sat/vB)",
    "hour_rate_sat_vb": "Rate to confirm within an hour (sat/vB)",
    "rate_source": "Rates from",
    "mempool_count": "Transactions waiting in the mempool",
    "mempool_vsize": "Their size (virtual bytes)",
    "backlog_blocks": "Backlog (blocks' worth)",
    "replaced_by": "Replaced by",
    "hash_entered": "Hash as entered",
    "hash_length": "Characters",
    "address_entered": "Address you gave",
    "address_family": "The address belongs to",
    "network_answer": "Node's answer",
    "node_unavailable": "Why the node could not be asked",
    "head_block": "Latest block the node knows",
    "head_age_seconds": "Age of that block",
    "block": "Block",
    "nonce": "Nonce",
    "status": "Status",
    "block_time": "Block time",
    "transfer": "Transfer",
    "gas_used": "Gas used",
    "gas_limit": "Gas limit",
    "revert_reason": "Revert reason",
    "fee_paid": "Fee paid",
    "confirmations": "Confirmations",
    "required_confirmations": "Confirmations required",
    "eta_seconds": "Estimated wait",
    "next_base_fee_gwei": "Next block's base fee (gwei)",
    "max_fee_gwei": "Max fee offered (gwei)",
    "max_priority_fee_gwei": "Priority fee offered (gwei)",
    "gas_price_gwei": "Gas price offered (gwei)",
    "effective_tip_gwei": "Tip it actually offers (gwei)",
    "typical_included_tip_gwei": "Lowest tip recent blocks included (gwei)",
    "sender_mined_count": "Sender's transactions in blocks",
    "sender_pending_count": "Sender's transactions incl. waiting ones",
    "recent_block_fullness_percent": "How full recent blocks are (%)",
    "median_base_fee_gwei": "Usual base fee lately (gwei)",
    "pool_pending_count": "Transactions waiting in the node's pool",
    "to_contract": "Contract called",
    "method": "Method called",
    "sent_to": "Sent to",
    "amount": "Amount",
    "amount_expected": "Amount you expected",
    "token_stated": "Coin you said you sent",
    "token_contract": "Token contract",
    "token_symbol": "Token symbol",
    "official_contract": "Official contract",
    "final_block": "Latest irreversible block (Tron: solidified; Solana: finalized)",
    "irreversible": "Irreversible",
    "recipient_account": "Receiving account",
    "result": "Result on chain",
    "energy_used": "Energy used",
    "fee_limit": "Fee limit set by the sender",
    "energy_fee": "TRX burned for energy",
    "node_message": "Node's message",
    "expires_at": "Expires at",
    "same_account_as": "The same account written for this network",
    "refused_field": "Field refused",
    "secret_kind": "It looked like",
    "network_expected": "Network you meant",
    "network_found": "Network it is on",
    "funds_at": "The funds are at this address there",
    "commitment": "Confirmation level",
    "token_account_opened": "Token account opened by this transaction (its owner)",
    "priority_fee": "Priority fee (above the base fee)",
    "failed_program": "Program that failed",
    "failed_instruction": "Failing instruction (position)",
}

VERDICTS: dict[str, Any] = {
    "MEMO_MISSING": {
        "wrong": "Arrived with another memo than yours: the exchange cannot tell it is yours",
        "": "Arrived without its memo: the exchange cannot tell it is yours",
    },
    "UNSUPPORTED_NETWORK": {
        "address_found": "Sent on {network}, but the address you gave is on {unsupported}",
        "address": "An address on {unsupported}: Deposit Doctor cannot check that network yet",
        "": "A transaction on {unsupported}: Deposit Doctor cannot check that network yet",
    },
    "NETWORK_NOT_SUPPORTED_BY_EXCHANGE": "{exchange} does not take {coin} on {network}: ask for a recovery",
    "SECRET_DETECTED": "Stopped: what you entered looks like a secret key or seed phrase",
    "INPUT_INVALID_HASH": "The transaction hash is not valid for {network}",
    "INPUT_INVALID_ADDRESS": "The address is not valid",
    "ADDRESS_NETWORK_MISMATCH": "The address does not belong to {network}",
    "NETWORK_MISMATCH": "Sent on {found}, not on {expected}",
    "TX_FAILED": {
        "withdrawal": "Failed — the funds never left the exchange",
        "": "Failed — the funds never left",
    },
    "TX_DROPPED_REPLACED": "Replaced — this transaction will never confirm",
    "SENT_TO_TOKEN_CONTRACT": {
        "pending": "About to send {symbol} into a token contract — cancel it now",
        "": "Sent into a token contract: these {symbol} are stuck for good",
    },
    "ADDRESS_POISONING_SUSPECTED": {
        "pending": "About to go to a look-alike address — likely address poisoning",
        "": "Sent to a different address — likely address poisoning",
    },
    "TOKEN_NOT_OFFICIAL": "Not the real {symbol}: a look-alike token was sent",
    "RECIPIENT_MISMATCH": {"pending": "Going to a different address", "": "Sent to a different address"},
    "NO_TRANSFER_TO_ADDRESS": {
        "approve": "Nothing was sent: this was an approval, not a transfer",
        "other_token": "No {token} reached your address: this transaction moved {moved}",
        "internal_unknown": "No transfer to your address was found, and coins moved inside this contract call could not be checked",
        "contract_call": "No token transfer to your address was found in this contract call",
        "": "Nothing was sent to your address",
    },
    "NODE_OUT_OF_SYNC": "Could not check reliably: the node is behind the chain",
    "NONCE_GAP": {
        "missing": "Stuck: an earlier transaction (nonce {missing_nonce}) is missing",
        "stuck": "Waiting behind an earlier pending transaction (nonce {missing_nonce})",
    },
    "FEE_TOO_LOW": "Stuck: the fee is too low",
    "TX_PENDING": {
        "expired": "Expired — this transaction was never included and never will be",
        "solana_processed": "In a block, but not yet confirmed by the cluster's votes",
        "": "Waiting to be included in a block",
    },
    "CONFIRMATIONS_INSUFFICIENT": {
        "exchange": "Waiting for {exchange}'s {required} confirmations ({confirmations} so far, about {eta_seconds} more)",
        "not_final": "Waiting for the block to become irreversible (about {eta_seconds} more)",
        "": "Waiting for confirmations ({confirmations}/{required}, about {eta_seconds} more)",
    },
    "AMOUNT_BELOW_MINIMUM": "Below the exchange's minimum deposit",
    "AMOUNT_MISMATCH": "The amount differs from what you expected",
    "INTERNAL_TRANSFER": "Arrived through a contract call (internal transfer)",
    "TOKEN_UNKNOWN": "Arrived, but the token is not one Deposit Doctor knows",
    "CONFIRMATIONS_SUFFICIENT": {
        "exchange": "On chain and past {exchange}'s {required} confirmations — {exchange} should have credited it: send them this report",
        "not_credited": "Confirmed on-chain, but nothing creditable reached your address",
        "withdrawal": "Arrived — the funds are at your address",
        "": "Arrived at your deposit address — the exchange should credit it",
    },
    "TX_CONFIRMED": "In a block and successful",
    "NODE_UNAVAILABLE": {
        "chosen_not_found": "Not on {chosen}; {networks} could not be asked — check your connection, and don't send again yet",
        "": "Could not check: the node did not answer",
    },
    "TX_NOT_FOUND": {
        "never_broadcast": "Never broadcast: no node has this signed transaction",
        "searched": "Not found on any of the {count} networks asked",
        "": "Not found on {network}",
    },
    "NETWORK_CONGESTED": "The network is congested",
    "INTERNAL_CHECK_ERROR": "Deposit Doctor hit an internal error; the result is incomplete",
    "NO_FINDINGS": "Nothing to report",
}

_CONTACT = "Contact the exchange's support and give them this report (TxID, network, amount, address)."
_NEVER_SECRET = "Support never needs your password, private key or seed phrase: never send them to anyone."
_STILL_IN_WALLET = "The funds are still in the sending wallet: check its balance."
_NO_HISTORY_COPY = "Never copy an address from your transaction history."

FINDINGS: dict[str, dict[str, Any]] = {
    "MEMO_MISSING": {
        "title": "The deposit's memo is missing or wrong",
        "explanation": {
            "missing": "The deposit reached the exchange's address, but it carries no memo (TON calls it a comment). The exchange uses one address for many users and tells their deposits apart by the memo, so it cannot credit this one to you automatically. The funds are not lost: they are in the exchange's wallet.",
            "wrong": "The deposit reached the exchange's address with the memo \"{memo}\", not the one you were given. The exchange tells deposits to its shared address apart by the memo, so it cannot credit this one to you automatically (or it may be credited to whoever owns that memo). The funds are in the exchange's wallet.",
        },
        "next_steps": {
            "any": [
                "Ask the exchange to credit it by hand: exchanges recover a deposit with a missing or wrong memo through a form or their support ({recovery_url}). Give them this report: the TxID, the amount, the time and your own memo.",
                "Do not send again to the same address without the memo: each deposit without it needs its own recovery. Next time, copy both the address and the memo (comment) from the exchange's deposit page.",
            ]
        },
    },
    "SECRET_DETECTED": {
        "title": "A secret was entered",
        "explanation": {
            "seed_phrase": "What you entered as the {field} looks like a seed phrase (the recovery words of a wallet). It was refused before anything was looked up, and it is not stored, logged, sent or shown in this report.",
            "": "What you entered as the {field} looks like a private key. It was refused before anything was looked up, and it is not stored, logged, sent or shown in this report.",
        },
        "next_steps": {
            "any": [
                _NEVER_SECRET,
                "If you gave it to anyone, or pasted it into a website or chat, move your funds to a new wallet now.",
                "Enter the transaction hash (TxID) and the address instead: that is all a diagnosis needs.",
            ]
        },
    },
    "UNSUPPORTED_NETWORK": {
        "title": "A network Deposit Doctor cannot check yet",
        "explanation": {
            "address_found": "The transaction is on {network}, but the address you gave is an address on {unsupported}, which cannot receive on {network}. If the exchange gave you that address, this transaction did not go to it: the other findings say where it went.",
            "tx_hash": "What you entered as the transaction is a transaction on {unsupported} (or a link to one). Deposit Doctor cannot check {unsupported} yet, so nothing was looked up there; it is not an invalid hash.",
            "address": "The address you entered is an address on {unsupported}. Deposit Doctor cannot check {unsupported} yet; if the exchange gave you this address, the deposit belongs on {unsupported}, not on {network}.",
        },
        "next_steps": {
            "any": [
                "Look the transaction up on an explorer of {unsupported}, and give the exchange's support its hash, the address and the amount.",
                "If you meant another network, enter that network's transaction hash and address instead.",
            ]
        },
    },
    "INPUT_INVALID_HASH": {
        "title": "The transaction hash is not valid here",
        "explanation": {
            "empty": "No transaction hash was entered.",
            "evm_address": "This is an address (0x + 40 hex characters), not a transaction hash. A hash on {network} is {expected}.",
            "address": "This is a wallet address, not a transaction hash. A hash on {network} is {expected}.",
            "wrong_length": "The hash has the wrong length ({length} characters). A hash on {network} is {expected}: part of it is missing, or something extra was copied with it.",
            "not_hex": "The hash contains characters a hash never has. A hash on {network} is {expected}.",
            "bare_hex64": "A 64-character hash without 0x is not a {network} transaction hash.",
            "evm": "A 0x hash is not a {network} transaction hash.",
            "base58_signature": "This is a Solana transaction signature, not a {network} transaction hash: a transaction with such a signature can only be on Solana.",
        },
        "next_steps": {
            "base58_signature": ["Diagnose it again with Solana (SPL) chosen, or with Auto-detect."],
            "any": ["Copy the TxID again from your wallet's or exchange's history, in full, and retry."],
        },
    },
    "INPUT_INVALID_ADDRESS": {
        "title": "The address is not valid",
        "explanation": {
            "exchange_format": "This address does not have the form of a {exchange} deposit address on {network_name} (by the pattern {exchange} publishes for this coin and network): a character may be wrong, or the address is from somewhere else.",
            "bech32": "The address fails its built-in check (bech32): a character is mistyped, missing or swapped. A Bitcoin address starting bc1 is 42 or 62 characters.",
            "testnet": "This is a {chain} testnet address: test coins are worth nothing, and no exchange takes them on {network}. Copy the mainnet address ({mainnet}) from the exchange's deposit page.",
            "checksum": "The address's capital letters do not match its checksum (EIP-55): a character is probably mistyped, and this transaction did not send to it either.",
            "base58check": "The address fails its built-in check (Base58Check): a character is mistyped, missing or swapped. A Tron address is 34 characters and starts with T.",
            "malformed": "This is not a well-formed address for {network}.",
            "empty": "No address was entered.",
        },
        "next_steps": {
            "testnet": [
                "Ask the exchange's deposit page for its mainnet address ({mainnet}): testnet coins cannot be deposited."
            ],
            "any": [
                "Copy the address again from its source (the exchange's deposit page or your wallet) rather than typing it."
            ],
        },
    },
    "ADDRESS_NETWORK_MISMATCH": {
        "title": "The address belongs to another network",
        "explanation": {
            "tron": "This is a Tron (TRC-20) address, but {network} was selected. A Tron address cannot receive on {network}.",
            "bitcoin": "This is a Bitcoin address, but {network} was selected.",
            "solana": "This is a Solana address, but {network} was selected. A Solana address cannot receive on {network}.",
            "ton": "This is a TON address (EQ…/UQ… or 0:…), but {network} was selected. A TON address cannot receive on {network}: USDT sent to it travels on TON, whose exchanges usually also need the memo (comment) they gave.",
            "evm": "This is a 0x address of an EVM network (Ethereum, BNB Smart Chain …), but {network} was selected.",
        },
        "next_steps": {
            "deposit": [
                "Check which network the exchange's deposit page shows for this address, and diagnose with that network.",
                "If you already sent on a different network than the deposit page named, ask support for a wrong-network recovery with this report.",
            ],
            "withdrawal": [
                "Check which network you chose when withdrawing; your receiving address must be of that network."
            ],
        },
    },
    "INTERNAL_CHECK_ERROR": {
        "title": "Deposit Doctor hit an internal error",
        "explanation": "The check for {check} failed with: {error}. The other findings are still valid.",
        "next_steps": {"any": ["Please report this to Deposit Doctor's developers with this report."]},
    },
    "NETWORK_MISMATCH": {
        "title": "Sent on another network: {found}",
        "explanation": {
            "same_address.deposit": "You meant {expected}, but this transaction is on {found}. It sent the funds to your address {address} there, so they sit at that address on {found}: not lost, but not where the exchange looks for {expected} deposits. An exchange that holds this address's key on that chain (most do, for the same 0x address) can often recover them, sometimes for a fee; some refuse for tokens they do not list there.",
            "same_address.withdrawal": "You meant {expected}, but this withdrawal was sent on {found}, to your address {address}. The funds are at that address on {found}: a wallet that shows only {expected} does not show them.",
            "other_family": "You meant {expected}, but this transaction is on {found}. An address of {expected} cannot receive on {found}, so the funds did not reach your {expected} address. If you only picked the wrong network in Deposit Doctor, the findings below already describe the transaction on {found}.",
            "": "You meant {expected}, but this transaction is on {found}. The findings below describe it on {found}.",
        },
        "next_steps": {
            "same_address.deposit": [
                "Ask the exchange's support for a wrong-network deposit recovery, and give them this report (the network it was sent on: {found}).",
                "Do not send more to this address on {found} until support answers.",
                "Next time, choose the same network in the sending wallet as on the exchange's deposit page.",
            ],
            "same_address.withdrawal": [
                "Switch your wallet to {found} (the same address) to see and use the funds.",
                "If your wallet cannot use {found}, use one that can with the same recovery words; never give them to anyone.",
            ],
            "withdrawal": [
                "Ask the exchange why the withdrawal was sent on {found} when you chose {expected}, and give them this report."
            ],
            "deposit": [
                "If you picked the wrong network only in Deposit Doctor, diagnose again with {found}.",
                "If you really sent on {found}, look at where the funds went (Sent to): if that is one of the exchange's addresses on {found}, ask support for a wrong-network recovery with this report.",
                "If it went to an address you control on {found}, the funds are there.",
            ],
        },
    },
    "TX_NOT_FOUND": {
        "title": {
            "never_broadcast": "The signed transaction never reached the network",
            "": "The transaction was not found",
        },
        "explanation": {
            "never_broadcast": "No node asked ({networks}) knows the signed transaction you gave, and its nonce {nonce} is still unused (the sender has {mined_count} transactions in blocks): it was never broadcast, or it was dropped from the pool before any block took it. It can still be sent as it is.",
            "": "Every node asked answered, and none knows this hash ({networks}). It was never broadcast, was dropped from the pool, or the hash has a typo. (A node that keeps only recent history also forgets old transactions.)",
        },
        "next_steps": {
            "searched": [
                "Check that the hash is copied in full from the sending wallet's history.",
                "Every network Deposit Doctor knows was asked. If you sent on a chain it does not cover, look the hash up in that chain's explorer.",
                "If your wallet shows it as failed or cancelled, the funds did not leave.",
            ],
            "never_broadcast": [
                "Send it again from the wallet that signed it (or broadcast the raw transaction with any explorer's broadcast page): the funds have not left.",
                "If the nonce is higher than the sender's count of transactions in blocks, an earlier transaction is missing: send that one first.",
            ],
            "deposit": [
                "Check that the hash is copied in full from the sending wallet's history.",
                "Check the network you sent on; a transaction on another network is not found here.",
                "If your wallet shows it as failed or cancelled, the funds did not leave.",
            ],
            "withdrawal": [
                "Ask the exchange for the TxID of the withdrawal; if they show none yet, it has not been sent.",
                "Check the network of the withdrawal.",
            ],
        },
    },
    "NODE_UNAVAILABLE": {
        "title": {
            "chosen_not_found": "Not on the network you chose; others could not be asked",
            "": "A node could not be asked",
        },
        "explanation": {
            "chosen_not_found": '{chosen}\'s node answered in full and does not know this transaction. It may still be on another network, but {networks} could not be asked: {reason}. Until they can be, this is not a "not found".',
            "": 'The node for {networks} did not give a usable answer: {reason}. Nothing can be said about the transaction there: this is not a "not found".',
        },
        "next_steps": {
            "any": [
                "Check your internet connection and try again, or use another endpoint for {networks} (in the window: Settings; on the command line: --rpc NETWORK=URL).",
                "Do not send the funds again because of this result.",
            ]
        },
    },
    "NODE_OUT_OF_SYNC": {
        "title": "The node is behind the chain",
        "explanation": "The newest block this node knows is {age_seconds} old; a node that follows the chain is never more than {allowed_seconds} behind. Its answers may be out of date.",
        "next_steps": {"any": ["Try again later or with another endpoint before drawing conclusions."]},
    },
    "TX_PENDING": {
        "title": {
            "expired": "Expired without being included",
            "solana_processed": "In a block, waiting for the cluster's votes",
            "": "Waiting to be included in a block",
        },
        "explanation": {
            "queued": "The node knows this transaction (nonce {nonce}) but it is not in a block yet: {ahead} better-paying transactions wait ahead of it in the node's pool, so at the network's pace it should be in a block in about {eta_seconds}. Until then, nothing has moved.",
            "bitcoin": "The mempool has this transaction, paying {fee_rate} sat/vB, but it is not in a block yet. Until it is, nothing has moved.",
            "expired": "The node has this transaction in its pending pool, but it was never put in a block and it expired at {expires_at}. A Tron transaction that misses its expiration is dropped by the network and can never confirm: nothing moved.",
            "expires": "The node has this transaction in its pending pool, but it is not in a block yet (it expires at {expires_at} if it is not included). Until it is in a block, nothing has moved.",
            "no_nonce": "The node has this transaction in its pending pool, but it is not in a block yet. Until it is, nothing has moved.",
            "solana_processed": "The transaction is in a block that the cluster has not voted on yet (processed). Most such blocks are confirmed within seconds; a few are skipped, and then the transaction never happened. Until it is confirmed, count nothing as moved.",
            "": "The node knows this transaction (nonce {nonce}) but it is not in a block yet. Until it is, nothing has moved.",
        },
        "next_steps": {
            "bitcoin.deposit": [
                "Wait: the fee rate decides when a miner takes it (the fee findings say whether it pays enough).",
                "Do not send again while it waits: if both confirm you pay twice.",
            ],
            "bitcoin.withdrawal": ["Wait; if it stays for hours, ask the exchange to speed up its withdrawal."],
            "solana_processed": [
                "Wait a few seconds and diagnose again: a confirmed transaction then shows its confirmations.",
                "Do not send again yet: if both go through you pay twice.",
            ],
            "expired.deposit": [
                _STILL_IN_WALLET,
                "Send again (a new transaction); the expired one can never be credited.",
            ],
            "expired.withdrawal": ["Ask the exchange to send the withdrawal again: this transaction expired unsent."],
            "expires.deposit": [
                "Wait: a Tron transaction is put in a block within seconds, or expires at {expires_at} and moves nothing.",
                "If it expires, send again; a Tron transaction cannot be sped up.",
            ],
            "expires.withdrawal": [
                "Wait: it is put in a block within seconds, or expires at {expires_at}; then ask the exchange to send it again."
            ],
            "no_nonce.deposit": ["Wait a minute and diagnose again; if it is still not in a block, send again."],
            "no_nonce.withdrawal": ["Wait a minute; if it is still not in a block, ask the exchange to send it again."],
            "deposit": [
                "Wait; the deposit is credited only after the transaction is in a block and has enough confirmations.",
                "If it stays pending for long, the fee and nonce findings in this report (if any) say why.",
            ],
            "withdrawal": ["Wait; if it stays pending for long, ask the exchange whether they will speed it up."],
        },
    },
    "TX_CONFIRMED": {
        "title": "In a block and successful",
        "explanation": {
            "solana_new_account": "The transaction is in block {block} and executed successfully. It also opened the receiving wallet's token account for this token (the account shown in the evidence): some wallets list a new token only once it is added.",
            "": "The transaction is in block {block} and executed successfully.",
        },
        "next_steps": {"any": []},
    },
    "TX_FAILED": {
        "title": "The transaction failed",
        "explanation": {
            "revert": 'The transaction is in a block but was reverted: "{reason}". Nothing was transferred; only the network fee ({fee}) was spent.',
            "out_of_gas": "The transaction ran out of gas: it used all {gas_used} of its gas limit {gas_limit}. Nothing was transferred; the network fee ({fee}) was still spent.",
            "unknown": "The transaction is in a block but failed (status 0). Nothing was transferred; the network fee ({fee}) was still spent.",
            "out_of_energy": "The transaction ran out of energy (OUT_OF_ENERGY): it used {energy_used} energy and the sender's staked energy and fee limit ({fee_limit}) were not enough. The token transfer was undone, so the tokens never left the sending wallet; the TRX burned for energy ({burned}) is not refunded.",
            "out_of_time": "The contract call ran longer than Tron allows (OUT_OF_TIME) and was stopped. Nothing was transferred; the fee ({fee}) was still spent.",
            "tron_other": "The contract call failed on-chain ({result}). Nothing was transferred; the fee ({fee}) was still spent.",
            "solana_insufficient_funds": "The transfer failed: the sending account did not hold enough ({result}). Nothing was transferred; the network fee ({fee}) was still spent.",
            "solana_insufficient_funds_for_fee": "The sender could not pay the network fee ({result}), so nothing was done.",
            "solana_insufficient_funds_for_rent": "The transaction failed because an account would have been left with less SOL than Solana requires an account to keep (rent), {result}. Nothing was transferred; the network fee ({fee}) was still spent.",
            "solana_account_not_found": "The transaction failed: an account it needs does not exist ({result}), for example the sender's token account or an account that was never funded. Nothing was transferred; the network fee ({fee}) was still spent.",
            "solana_invalid_account": "The transaction failed: an account was not what the program expected ({result}), for example a receiving token account that does not exist yet or belongs to another program. Nothing was transferred; the network fee ({fee}) was still spent.",
            "solana_mint_mismatch": "The transaction failed: the token accounts are for different tokens (mint mismatch, {result}). Nothing was transferred; the network fee ({fee}) was still spent.",
            "solana_owner_mismatch": "The transaction failed: the signer does not own the token account it tried to spend from (owner mismatch, {result}). Nothing was transferred; the network fee ({fee}) was still spent.",
            "solana_account_frozen": "The transaction failed: a token account is frozen by the token's issuer ({result}). Nothing was transferred; the network fee ({fee}) was still spent.",
            "solana_blockhash_not_found": "The transaction was refused: its recent blockhash had expired ({result}), so it was never executed.",
            "solana_compute_exceeded": "The transaction ran out of its compute budget ({result}) and was stopped. Nothing was transferred; the network fee ({fee}) was still spent.",
            "solana_custom": "A program in the transaction failed with its own error number {code} ({result}). Nothing was transferred; the network fee ({fee}) was still spent.",
            "solana_other": "The transaction is in a block but failed ({result}). Nothing was transferred; the network fee ({fee}) was still spent.",
            "ton_compute": "The transfer failed on TON: the transaction of {failed_at} stopped with exit code {code} ({meaning}). Nothing was transferred; the fees ({fee}) were still spent.",
            "ton_action": "The transfer failed on TON: the transaction of {failed_at} could not send its messages (action phase result code {code}). Nothing was transferred; the fees ({fee}) were still spent.",
            "ton_bounced": "The transfer bounced on TON: the receiving contract {failed_at} refused the message ({meaning}), and the value was sent back to the sender, less the network fees. Nothing reached the recipient.",
        },
        "next_steps": {
            "revert.deposit": [
                _STILL_IN_WALLET,
                "Read the revert reason: if it is about the sender's balance or allowance, fix that and send again; if the token contract itself refused (paused, blocked address), only its issuer can say more. The exchange cannot credit a failed transaction.",
            ],
            "out_of_gas.deposit": [
                _STILL_IN_WALLET,
                "Send again with a higher gas limit (let the wallet estimate it); the exchange cannot credit a failed transaction.",
            ],
            "solana_insufficient_funds.deposit": [
                _STILL_IN_WALLET,
                "Send again with less, or top up the sending wallet first (keep some SOL in it for fees); the exchange cannot credit a failed transaction.",
            ],
            "out_of_energy.deposit": [
                _STILL_IN_WALLET,
                "Send again with a higher fee limit, or stake (or rent) enough energy first; keep enough TRX in the wallet to pay for energy. The exchange cannot credit a failed transaction.",
            ],
            "deposit": [_STILL_IN_WALLET, "Send again; the exchange cannot credit a failed transaction."],
            "withdrawal": [
                "Contact the exchange: their withdrawal failed on-chain, so the funds never left them. Give them this report."
            ],
        },
    },
    "TX_DROPPED_REPLACED": {
        "title": "Replaced by another transaction",
        "explanation": {
            "input_spent": "A coin this transaction spends was spent by another transaction ({by}): a replacement by fee, or a double spend. This one can never confirm.",
            "input_spent_not_found": "A coin this transaction spent was spent by another transaction ({by}): a replacement by fee, or a double spend. This one can never confirm.",
            "rbf": "The node's record of replacements shows this transaction was replaced by {by} (replace-by-fee). This one will never confirm; the replacement is the one to follow.",
            "rbf_not_found": "No node has this transaction any more: the node's record of replacements shows it was replaced by {by} (replace-by-fee). Diagnose {by} instead; this one will never confirm.",
            "not_found": "No node knows the signed transaction you gave, and its nonce {nonce} is already used: the sender has {mined_count} transactions in blocks. Another transaction with the same nonce (a speed-up or a cancel) took its place, so this one can never confirm.",
            "": "This transaction uses the sender's nonce {nonce}, but the sender already has {mined_count} transactions in blocks: nonce {nonce} was used by another transaction (a speed-up or a cancel). This one will never confirm.",
        },
        "next_steps": {
            "deposit": [
                "Look in the sending wallet's history for the transaction that replaced it, and diagnose that hash instead."
            ],
            "withdrawal": ["Ask the exchange for the TxID of the transaction that replaced this one."],
        },
    },
    "CONFIRMATIONS_INSUFFICIENT": {
        "title": "Not enough confirmations yet",
        "explanation": {
            "exchange": "{exchange} credits a deposit after {required} confirmations; this one has {confirmations}. At the network's pace it is credited in about {eta_seconds}, and withdrawable after {unlock} confirmations (in about {unlock_eta_seconds}).",
            "not_final": "The transaction has {confirmations} confirmations ({required} required), but {network} has not yet made its block irreversible (solidified on Tron, finalized on Solana); that usually follows within about {eta_seconds}.",
            "": "The transaction has {confirmations} of the {required} confirmations required; at the network's pace that is about {eta_seconds} more.",
        },
        "next_steps": {
            "deposit": ["Wait; the exchange credits the deposit once it has {required} confirmations."],
            "withdrawal": ["Wait; your wallet shows the funds as final after enough confirmations."],
        },
    },
    "CONFIRMATIONS_SUFFICIENT": {
        "title": "Enough confirmations",
        "explanation": "The transaction has {confirmations} confirmations; {required} are required.",
        "next_steps": {
            "exchange": [
                "{exchange} should have credited it. Before you write to them, check in your {exchange} account: a Travel Rule questionnaire about this deposit, your verification (KYC) level, a notice that deposits of this coin on this network are suspended, and whether the deposit address you used is still the one your account shows now.",
                "Then contact {exchange}'s support ({support_url}) and give them this report.",
            ],
            "not_credited": [
                "Confirmations are no longer the question: the other findings in this report say what went wrong."
            ],
            "deposit": ["If the exchange has not credited it, that is now theirs to explain: " + _CONTACT],
            "withdrawal": [
                "The funds are at the receiving address. If your wallet does not show them, add the token's contract to your wallet and check that the wallet shows the same network."
            ],
        },
    },
    "FEE_TOO_LOW": {
        "title": "The fee is too low",
        "explanation": {
            "rbf": "The transaction pays {paid_rate} sat/vB; to be confirmed within about an hour it needs {needed_rate} sat/vB. Miners pick the best-paying transactions first, so it may wait for days.",
            "cpfp": "The transaction pays {paid_rate} sat/vB; to be confirmed within about an hour it needs {needed_rate} sat/vB. It did not signal replace-by-fee, so most wallets cannot bump its fee.",
            "below_base_fee": "The transaction offers at most {paid_gwei} gwei per gas, but the next block charges a base fee of {needed_gwei} gwei. It cannot be included until fees fall below what it offers.",
            "low_tip": "The transaction tips {paid_gwei} gwei per gas, while recent blocks included tips of at least about {needed_gwei} gwei. Block producers pick better-paying transactions first.",
        },
        "next_steps": {
            "rbf.deposit": [
                'Replace it by fee in your wallet ("bump fee" / "speed up"): it signalled RBF, so a replacement paying more takes its place.',
                "Or wait: it confirms once the backlog clears, unless mempools drop it first (after about two weeks, or sooner when they are full).",
            ],
            "cpfp.deposit": [
                'Child pays for parent: spend its change output in a new transaction with a high fee (many wallets call this "accelerate"); miners take both together.',
                "Or wait: mempools drop a transaction after about two weeks (Bitcoin Core's default: 336 hours), and the coins are then spendable again in your wallet.",
            ],
            "deposit": [
                "Speed it up in your wallet (replace it with the same nonce and a higher fee), or cancel it and send again."
            ],
            "withdrawal": ["Ask the exchange to speed up the withdrawal; only the sender can raise the fee."],
        },
    },
    "NONCE_GAP": {
        "title": "Waiting behind an earlier transaction",
        "explanation": {
            "missing": "This transaction uses nonce {nonce}, but the sender's transaction with nonce {missing_nonce} was never sent or was dropped. Transactions run in nonce order, so this one waits until nonce {missing_nonce} is used.",
            "stuck": "This transaction uses nonce {nonce}, but the sender's earlier transaction with nonce {missing_nonce} is itself still waiting. This one cannot go before it.",
        },
        "next_steps": {
            "missing.deposit": [
                "Fill the gap: send any small transaction (for example to yourself) with nonce {missing_nonce} from {sender}; this one follows it."
            ],
            "deposit": [
                "In your wallet, speed up or cancel the transaction with nonce {missing_nonce}; this one follows it."
            ],
            "withdrawal": ["Ask the exchange to clear their stuck transaction (nonce {missing_nonce}) from {sender}."],
        },
    },
    "NETWORK_CONGESTED": {
        "title": "The network is congested",
        "explanation": {
            "pool_ahead": "{ahead} waiting transactions pay more than this one: about {blocks} blocks' worth, which block producers take first.",
            "backlog": "The mempool holds about {blocks} blocks' worth of waiting transactions: at ten minutes a block, transactions that do not outbid them wait.",
            "full_blocks": "Recent blocks are {fullness_percent}% full: transactions compete for room and low-fee ones wait.",
            "fee_surge": "Fees are far above their recent level: transactions that offered the usual fee wait.",
        },
        "next_steps": {
            "deposit": [
                "Waiting usually works once the rush passes; to be faster, speed it up with a higher fee in your wallet."
            ],
            "withdrawal": [
                "Waiting usually works once the rush passes; only the exchange can raise the fee of its withdrawal."
            ],
        },
    },
    "NO_TRANSFER_TO_ADDRESS": {
        "title": {"other_token": "A different coin than you said", "": "Nothing was sent to your address"},
        "explanation": {
            "internal_unknown": 'The transaction called a contract and no transfer to your address was logged. A contract can also pay an address inside the call (an exchange\'s batch payout, a smart-contract wallet); this node does not trace transactions, so that could not be checked: this is not a "nothing moved".',
            "approve": "This transaction was an approve (permission to spend), not a transfer: no tokens moved.",
            "nothing": "The transaction succeeded but moved no coins or tokens to anyone.",
            "other_token": "You said you sent {token}, but what reached your address in this transaction was {moved}.",
            "contract_call": 'The transaction called a contract method and no token transfer to your address was logged. Coins a contract moves internally are not inspected by this version: check an explorer\'s "internal transactions" tab.',
        },
        "next_steps": {
            "internal_unknown": [
                'Check the transaction\'s "internal transactions" tab on the explorer (link below), or diagnose again with a node that traces transactions (Settings / --rpc).'
            ],
            "other_token.deposit": [
                "Check which coin you chose when sending; an exchange credits a deposit only as the coin that arrived, and only if it supports that coin on this network."
            ],
            "other_token.withdrawal": ["Check which coin you withdrew in the exchange's history."],
            "deposit": ["Check your wallet's history for the actual transfer, and diagnose that hash instead."],
            "withdrawal": ["Ask the exchange for the TxID of the actual transfer."],
        },
    },
    "RECIPIENT_MISMATCH": {
        "title": "Sent to a different address",
        "explanation": {
            "pending": "This transaction, still waiting, sends the value to {recipient}, not to the address you gave ({address}). Nothing has moved yet.",
            "": "The value went to {recipient}, not to the address you gave ({address}).",
        },
        "next_steps": {
            "pending.deposit": [
                "If the address is wrong, cancel or replace this transaction now (same nonce, higher fee) before it is included."
            ],
            "pending.withdrawal": [
                "Contact the exchange at once: the withdrawal is still pending and goes to {recipient}."
            ],
            "deposit": [
                "Compare the address in your wallet's history with the exchange's deposit address character by character.",
                "Funds sent to an address the exchange does not control cannot be credited; only the owner of that address can return them.",
            ],
            "withdrawal": [
                "Compare the withdrawal address in your exchange history with your wallet's address.",
                "Contact the exchange's support with this report.",
            ],
        },
    },
    "SENT_TO_TOKEN_CONTRACT": {
        "title": {"pending": "About to send tokens into a token contract", "": "Tokens sent into a token contract"},
        "explanation": {
            "pending": "This transaction sends {amount} to {contract}, which is a token contract, not a wallet. Once it is in a block the tokens sit in that contract for good: a token contract has no way to send them on.",
            "own": "{amount} went to {contract}: the {symbol} contract's own address, not a wallet or a deposit address. A token contract cannot send tokens on, so they are stuck there for good. Neither you nor the exchange can undo it; only the token's issuer could ever act, and issuers almost never do.",
            "": "{amount} went to {contract}, the address of a token contract, not a wallet or a deposit address. A token contract cannot send tokens on, so they are stuck there for good. Neither you nor the exchange can undo it.",
        },
        "next_steps": {
            "pending": [
                "Cancel it now: in your wallet, replace it with a transaction of the same nonce to yourself, with a higher fee."
            ],
            "any": [
                "Do not pay anyone who offers to recover them: no one can, and such offers are scams.",
                "Always copy the deposit address from the exchange's deposit page; never paste the token's contract address as the recipient.",
            ],
        },
    },
    "INTERNAL_TRANSFER": {
        "title": "Arrived through a contract call",
        "explanation": "{amount} reached your address inside a call to the contract {contract} (an internal transfer: a batch payout, a smart-contract wallet or a bridge), not as a plain transfer. It is on chain all the same, but many exchanges do not credit internal transfers automatically.",
        "next_steps": {
            "deposit": [
                "If it is not credited, ask the exchange's support to credit this internal transfer by hand: give them this report (TxID, the contract that paid, the amount)."
            ],
            "withdrawal": [
                'The coins are at your address; if your wallet does not show them, look for its "internal transactions" view.'
            ],
        },
    },
    "NETWORK_NOT_SUPPORTED_BY_EXCHANGE": {
        "title": "The exchange does not take this coin on this network",
        "explanation": {
            "not_listed": "{exchange} lists deposits of {coin} on other networks, not on {network} (its published list is in the evidence). A deposit on a network the exchange does not list is not credited automatically, however long you wait.",
            "": "By its published list, {exchange} does not take deposits of {coin} on {network}. Such a deposit is not credited automatically, however long you wait.",
        },
        "next_steps": {
            "any": [
                "Ask {exchange} for a recovery of an unsupported deposit ({recovery_url}): give them this report. Exchanges decide case by case, and some charge a fee.",
                "Next time, pick on the sending side a network the exchange's deposit page lists for {coin}.",
            ]
        },
    },
    "AMOUNT_BELOW_MINIMUM": {
        "title": "Below the exchange's minimum deposit",
        "explanation": {
            "said": "{moved} arrived, but {exchange}'s minimum deposit of this coin on {network} is {minimum}. Its own page says: {policy}",
            "": "{moved} arrived, but {exchange}'s minimum deposit of this coin on {network} is {minimum}: a deposit below it is not credited automatically.",
        },
        "next_steps": {
            "any": [
                "Ask {exchange}'s support ({support_url}) whether they can credit it; some exchanges add it once later deposits bring the total over the minimum, others never credit it.",
                "Do not send more in the hope of topping it up before {exchange} says that works.",
            ]
        },
    },
    "ADDRESS_POISONING_SUSPECTED": {
        "title": "Likely address poisoning",
        "explanation": {
            "pending": "This transaction, still waiting, sends the funds to {recipient}, which starts and ends like your address {address} but is a different one: the mark of an address-poisoning scam. Nothing has moved yet.",
            "": "The funds went to {recipient}, which starts and ends like your address {address} but is a different one. Scammers send tiny transfers from such look-alike addresses so that they appear in your history and get copied. Funds sent there are almost certainly lost.",
        },
        "next_steps": {
            "pending.deposit": [
                "Cancel or replace this transaction now (same nonce, higher fee), before it is included.",
                _NO_HISTORY_COPY,
            ],
            "pending.withdrawal": [
                "Contact the exchange at once: the withdrawal is still pending and goes to a look-alike address."
            ],
            "deposit": [
                _NO_HISTORY_COPY + " Take it from the exchange's deposit page each time.",
                "Report the scam address to the exchange's support with this report.",
            ],
            "withdrawal": [
                _NO_HISTORY_COPY + " Use your wallet's own receive screen or a saved address book entry.",
                "Report the scam address to the exchange's support with this report.",
            ],
        },
    },
    "TOKEN_NOT_OFFICIAL": {
        "title": "Not the official {symbol}",
        "explanation": "The token sent is named {symbol}, but its contract {contract} is not the official {symbol} contract on {network} ({official}). Exchanges do not credit such look-alike tokens; they are usually worthless.",
        "next_steps": {
            "deposit": [
                "If someone paid you with this token, treat it as a scam.",
                "Send the official token instead; check the contract address in your wallet.",
            ],
            "withdrawal": [
                "Check that your wallet shows the official contract; remove look-alike tokens from your wallet's list."
            ],
        },
    },
    "TOKEN_UNKNOWN": {
        "title": "Unknown token",
        "explanation": "The token moved ({symbol}, contract {contract}) is not in Deposit Doctor's table of tokens for {network}.",
        "next_steps": {"any": ["Check on the exchange's deposit page that it supports this exact token contract."]},
    },
    "AMOUNT_MISMATCH": {
        "title": "The amount differs",
        "explanation": "{moved} moved to your address, but you expected {expected}.",
        "next_steps": {
            "withdrawal": [
                "The exchange may have deducted its withdrawal fee; compare with the fee shown in your withdrawal record."
            ],
            "more.withdrawal": ["Check that this is the right withdrawal: the amount is more than you expected."],
            "deposit": [
                "Check the amount in the sending wallet's history: a different amount than you remember, or a fee taken by the sending service, may explain it."
            ],
        },
    },
}


# The batch command's summary and progress, and the words for what the exchange will do with each case.
BATCH: dict[str, str] = {
    "row": "Case",
    "source": "Source",
    "tx_hash": "TxID",
    "network": "Network",
    "verdict_code": "Verdict code",
    "verdict": "Verdict",
    "confirmations": "Confirmations",
    "amount": "Amount",
    "decision": "Exchange decision",
    "report": "Report file",
    "decision_arrived": "Should be credited now: ask support if it is not",
    "decision_wait": "Not yet: wait for the network",
    "decision_support": "Not credited by itself: contact support with the report",
    "decision_lost": "Will not be credited: the funds did not arrive",
    "decision_fix_input": "Cannot tell: correct the case and run it again",
    "decision_retry": "Cannot tell yet: a node could not be asked; run again",
    "decision_none": "Nothing for the exchange to do: see the report",
    "failed": "Not diagnosed: {reason}",
    "skipped_input": "{reason}",
}

# What could not be read from a dropped file, a pasted text or a batch's input, and why.
INTAKE: dict[str, str] = {
    "secret": "What you gave holds what looks like a private key, a key file (keystore) or a seed phrase: nothing from it was used, stored or sent. Never share it with anyone, support included.",
    "too_large": "The file is too large to be a transaction list ({size} bytes; at most {limit}).",
    "binary": "This is not a text file (a picture or a program?): nothing was read from it.",
    "unreadable": "{name} could not be read: {reason}",
    "not_a_file": "{name} is not a file (a folder or a device): nothing was read from it.",
    "no_case": "No transaction hash was found in it.",
    "bad_json": "The JSON file cannot be read (line {line}, column {column}).",
    "unknown_version": "The case file is from a newer Deposit Doctor (version {version}).",
    "not_cases": "This JSON file holds no Deposit Doctor cases.",
    "case_no_hash": "Case {case} has no transaction hash and was skipped.",
    "bad_field": "Case {case}: the {field} cannot be read and was left out.",
    "csv_no_hash_column": "The CSV file has no column for the transaction hash (TxID).",
    "csv_row_no_hash": "Row {row} has no transaction hash and was skipped (it reads: {value}).",
    "csv_cell_too_long": "Row {row} holds a cell longer than {limit} characters (an unclosed quote?): the rest of the file was not read.",
    "amount_out_of_range": "Row {row}: the amount {value} is out of range (10^30 or more, or more than 40 digits) and was left out.",
    "json_too_deep": "The JSON file is nested {depth} levels deep; no case file nests more than {limit}: nothing was read from it.",
    "json_number_too_long": "The JSON file holds a number {digits} digits long; no case file holds one over {limit} digits: nothing was read from it.",
    "csv_row_internal_transfer": "Row {row} was skipped: {value} is a transfer inside the exchange, which never goes on a blockchain, so there is no transaction to check.",
    "csv_row_hash_as_number": "Row {row} was skipped: its hash reads {value}, the form Excel gives a long number, and the digits it dropped cannot be recovered. Open the export as text (or copy the TxID from the exchange's page) and try again.",
    "csv_row_truncated_hash": "Row {row} was skipped: the hash {value} is shortened. Copy the whole hash from the exchange's or explorer's page.",
    "csv_row_hash_wrong_length": "Row {row} was skipped: {value} has {length} hex digits; a transaction hash has 64. A character was probably lost or added when it was copied.",
    "csv_row_address_as_hash": "Row {row} was skipped: {value} is an address, not a transaction hash.",
    "csv_row_not_a_hash": "Row {row} was skipped: {value} is not a transaction hash (an exchange's own record number, perhaps).",
    "csv_row_unsupported_network": "Row {row} was skipped: it is on {network} ({value}), a network Deposit Doctor cannot check.",
    "unsupported_network": "Line {line}: {value} is on {network}, a network Deposit Doctor cannot check; it was left out.",
    "csv_unreadable": "The CSV file cannot be read from row {row} on: {reason}",
    "unknown_network": "Row {row}: unknown network {name}; Auto-detect will be used.",
    "unknown_network_case": "Case {case}: unknown network {name}; Auto-detect will be used.",
    "bad_amount": "Row {row}: the amount {value} is not a number and was left out.",
    "bad_raw_transaction": "The raw transaction cannot be decoded: {reason}",
    "unknown_chain_id": "The raw transaction is for chain id {chain_id}, which Deposit Doctor does not know.",
    "other": "Something in it could not be read ({key}).",
}
