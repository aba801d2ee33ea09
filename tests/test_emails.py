"""Addresses: ranking, marked guesses, the learned pattern, and MX checks that never guess."""

from pipeline.emails import dns_mx_lookup, guesses, learned_pattern, rank


def test_ranking_for_outreach():
    roles = ["Robotics Engineer", "CEO and Co-Founder", "Talent Acquisition Lead", "Head of Engineering",
             "Team Lead Platform"]
    assert sorted(roles, key=rank) == ["Head of Engineering", "Talent Acquisition Lead", "Team Lead Platform",
                                       "CEO and Co-Founder", "Robotics Engineer"]


def test_guesses_are_marked_and_scored():
    found = guesses("Lena Fischer", "acme.example", "ok")
    assert found[0] == {"address": "lena.fischer@acme.example", "status": "guess", "pattern": "{first}.{last}",
                        "confidence": 0.45, "mx": "ok"}
    assert {g["status"] for g in found} == {"guess"} and len(found) == 6
    assert guesses("Cher", "acme.example", "ok") == [], "one name is not enough to guess"
    assert max(g["confidence"] for g in guesses("Lena Fischer", "acme.example", "none")) < 0.2


def test_a_published_address_teaches_the_pattern():
    people = [{"name": "Jonas Weber", "role": "Head of Engineering"}]
    pattern = learned_pattern(people, ["jonas.weber@acme.example"], "acme.example")
    assert pattern == "{first}.{last}"
    best = guesses("Lena Fischer", "acme.example", "unchecked", pattern)[0]
    assert (best["address"], best["confidence"]) == ("lena.fischer@acme.example", 0.85)


def test_mx_is_unchecked_when_dns_is_unreachable():
    lookup = dns_mx_lookup(["127.0.0.1"], timeout=1)
    assert lookup("acme.example") == "unchecked" and lookup("other.example") == "unchecked"
