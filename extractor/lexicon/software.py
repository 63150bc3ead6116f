"""Words about software and well-known abbreviations: vendors, products, technical acronyms."""

from __future__ import annotations

from extractor.lexicon._build import wordset

TECH_ACRONYMS = wordset(
    """ALPN API CD CDN CI CLI CMS CORS CPU CRM CSS DNS DOM ESM FTP GPS GPU GUI HTML HTTP
    HTTPS IDL IP IRC JS JSON JWT LAN LTS OS PDF PR QA QUIC RAM RFC RSS SDK SDP SHA SMS SNI SQL
    SSH SSL SSO TCP TF TLS TS TTL UA UDP UI URI URL USB UX VM VPN WAN WG WGLC XML"""
)
"""Technical acronyms that name formats, protocols or parts of software, never a body."""

COMMON_ACRONYMS = wordset(
    """A&E AGM AI AM AOB API ASAP ASB BAME BME CBE CCTV CEO CFO COO COVID CTO DIY DOB EGM EHCP
    ESOL ETA EU FAQ FYI GB GDP GP HR ICT ICU ID IOT IT KPI KPIS LGBT LGBTQ MBE MEP MP MSP NB
    OBE PDF PM PR PS RSVP SEN SEND TBA TBC TV UK UN URL US USA VAT"""
)
"""Acronyms of things, topics, roles and places (CCTV, AOB, MP, UK), never a body by themselves."""

SOFTWARE_VENDORS = wordset(
    """adobe amazon apple atlassian cisco dropbox facebook github google ibm meta microsoft
    mozilla ms oracle salesforce samsung slack zoom"""
)
"""Large software vendors whose name opens their products' names ("Google Translate",
"Microsoft Teams", "MS Teams"): such a name without a body's head word is a product, not a
body."""

SOFTWARE_HEADS = wordset(
    """api apis app apps browser extension extensions plugin plugins plug-in sdk"""
)
"""Last words of software names ("Maven Compiler Plugin", "User Activation API"): a name
ending in one is neither a person nor a body."""

SOFTWARE_PRODUCTS = wordset(
    """android chrome chromium confluence docker dropbox firefox git github gitlab javascript
    java jenkins jira kubernetes linux perl php python safari slack trello typescript whatsapp
    wikipedia wordpress youtube zoom"""
)
"""Well-known software products and services, named alone: no person and no body."""

KNOWN_ABBREVIATIONS: frozenset[str] = frozenset(
    """
    UK US USA EU UN NHS BBC TV CCTV OK AM PM AOB FAQ PDF URL IT HR CEO CFO MP MPS MEP GP ID
    COVID ICT PR QA VAT GMT BST UTC AGM EGM TBC TBA TBD RSVP ASAP FYI ETA CV NB PS CC RE DIY
    A&E Q&A LGBT LGBTQ BAME GCSE BA BSC MA CIC PLC LTD WIFI ATM PIN SMS
    """.split()  # noqa: SIM905
)
"""Abbreviations a general reader knows without a definition (a curated, general list)."""
