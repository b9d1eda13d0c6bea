"""search/query/fusion.py: reciprocal rank fusion of lexical and vector candidate lists."""

import pytest

from search.query.fusion import reciprocal_rank_fusion


def keys(fused):
    return [item.key for item in fused]


def test_a_page_both_lists_found_rises_above_pages_only_one_found():
    lexical = ["title-match", "both", "lexical-only"]
    vectors = ["vector-only", "both", "far"]
    fused = reciprocal_rank_fusion([lexical, vectors])
    assert keys(fused)[0] == "both"
    assert fused[0].ranks == (2, 2)
    assert fused[0].score == pytest.approx(2 / 62)


def test_order_is_by_fused_score_then_best_rank_then_earlier_list():
    fused = reciprocal_rank_fusion([["a", "b"], ["c", "d"]])
    # a and c tie (rank 1 in one list each): the earlier list wins; b and d tie likewise.
    assert keys(fused) == ["a", "c", "b", "d"]


def test_weights_let_lexical_evidence_dominate():
    lexical = ["exact-title", "other"]
    vectors = ["paraphrase", "other", "near", "exact-title"]
    assert keys(reciprocal_rank_fusion([lexical, vectors], weights=[1.0, 1.0]))[0] == "other"
    assert keys(reciprocal_rank_fusion([lexical, vectors], weights=[3.0, 1.0]))[0] == "exact-title"


def test_smaller_k_rewards_top_ranks_more():
    lists = [["x", "y", "z"], ["w", "z", "y"]]
    assert keys(reciprocal_rank_fusion(lists, k=60))[0] == "y"  # two mid ranks beat one top rank
    assert keys(reciprocal_rank_fusion(lists, k=0))[0] == "x"  # with k=0 a first place is worth 1


def test_repeated_key_counts_once_at_its_best_rank_and_empty_lists_are_fine():
    fused = reciprocal_rank_fusion([["a", "b", "a"], []])
    assert keys(fused) == ["a", "b"]
    assert fused[0].ranks == (1, None)
    assert reciprocal_rank_fusion([]) == []


def test_a_share_weakens_one_item_of_a_list():
    # "a" tops the first list but holds a fifth of the query: "b", second in both, passes it.
    fused = reciprocal_rank_fusion([["a", "b"], ["c", "b"]], shares=[{"a": 0.2}, {}])
    assert [item.key for item in fused] == ["b", "c", "a"]


def test_bad_weights_are_rejected():
    with pytest.raises(ValueError, match="2 weights and 1 shares for 1 lists"):
        reciprocal_rank_fusion([["a"]], weights=[1, 2])
    with pytest.raises(ValueError, match="1 weights and 2 shares for 1 lists"):
        reciprocal_rank_fusion([["a"]], weights=[1], shares=[{}, {}])
    with pytest.raises(ValueError, match="negative"):
        reciprocal_rank_fusion([["a"]], weights=[-1])
