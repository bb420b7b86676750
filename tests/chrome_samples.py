"""Synthetic scraped pages (written for these tests) with every kind of site chrome."""

from __future__ import annotations

BODY = [
    "HALDEN — Estrenian officials said on Tuesday that the two governments had reached an understanding on "
    "the Varn river dam, a claim that the Lusovan foreign ministry rejected within hours.",
    "The talks in the port city of Valmora lasted more than six hours, according to a statement released by "
    "the Estrenian presidency late on Monday.",
    "“We have agreed on the principle of a shared water commission,” Deputy Minister Ilse Marren told "
    "reporters outside the conference hall.",
    "Lusovan spokeswoman Dara Pell said the report was simply inaccurate and that no document had been signed.",
    "Engineers estimate that more than 12,000 people living below the dam would be affected by any change to "
    "the release schedule.",
    "Talks are due to resume in Valmora next Tuesday, officials on both sides said.",
]

SCRAPED = "\n".join(
    [
        "Tuesday, 11 Mar 2025",
        "The Halden Ledger",
        "  • Home",
        "  • World",
        "  • Politics",
        "  • Business",
        "    • Markets",
        "  • Sports",
        "Sign In",
        "Subscribe",
        "Search",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "The Halden Ledger > World > Estrenia and Lusova claim dam deal",
        "Estrenia and Lusova at odds over claimed dam deal",
        "By Ana Ruiz",
        "Share",
        "March 11, 2025, 6:40 AM",
        "",
        BODY[0],
        "",
        "Delegates arrive at the Valmora conference hall on Monday. (Photo: Meridian Press)",
        "",
        BODY[1] + "اضافة اعلان",
        "",
        BODY[2],
        "",
        "MORE: Flood warnings issued for the lower Varn valley",
        "",
        "- Advertisement -",
        "",
        BODY[3],
        "",
        "Delegates arrive at the Valmora conference hall on Monday. (Photo: Meridian Press)",
        "",
        BODY[4],
        "",
        "Sign up for our morning newsletter and get the top stories delivered to your inbox.",
        "",
        BODY[5],
        "",
        "This story originally appeared on haldencourier.example",
        "",
        "Source link",
        "Leave a Comment",
        "Popular Posts",
        "Harbour cranes idle as dockworkers strike for a third day",
        "Local bakery wins national bread award",
        "Read more World News",
        "© 2025 The Halden Ledger. All Rights Reserved.",
        "Privacy Policy",
        "Terms of Service",
        "Cookie Settings",
    ]
)
