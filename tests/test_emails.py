"""Addresses: marked guesses, the learned pattern, and MX checks that never guess."""

from pipeline.companies.addresses import dns_mx_lookup, guesses, learned_pattern


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


def test_names_are_parsed_and_transliterated_for_guesses():
    from pipeline.companies.addresses import first_name, name_parts

    assert name_parts("Søren Østergaard") == ("soren", "ostergaard")
    assert name_parts("Łukasz Wróbel") == ("lukasz", "wrobel")
    assert name_parts("Jörg Strauß") in (("jorg", "strauss"), ("joerg", "strauss"))
    assert name_parts("Dr. Anna Schmidt") == ("anna", "schmidt") and first_name("Dr. Anna Schmidt") == "Anna"
    assert name_parts("Jan van der Berg") == ("jan", "vanderberg")
    assert name_parts("Madonna") is None
    for guess in guesses("Lars Bjørnstad", "acme.example", "ok"):
        local = guess["address"].split("@")[0]
        assert local and local[0].isalnum() and local[-1].isalnum() and local.isascii(), local


def test_an_address_is_a_persons_only_by_an_exact_pattern():
    from pipeline.companies.addresses import own_address

    published = ["jordan.blake@acme.example", "jobs@acme.example", "dmurphy@acme.example"]
    assert own_address("Dan Murphy", ["jordan.blake@acme.example", "jobs@acme.example"]) == "", "not a substring"
    assert own_address("Dan Murphy", published) == "dmurphy@acme.example"
    assert own_address("Jordan Blake", published) == "jordan.blake@acme.example"


def test_recipients_take_published_then_sure_guesses_and_the_postings_own_address():
    from pipeline.outreach.recipients import choose_recipients, general_address
    from pipeline.records import Job

    job = Job(id="j", source="t", source_id="1", url="https://x.example", status="enriched",
              title="Backend Engineer", description="Questions? Contact: jobs@ecosia.org.",
              data={})
    company = {"id": "name:acme", "people": [{"name": "Dan Murphy", "role": "Engineering Manager"},
                                             {"name": "Jordan Blake", "role": "CTO"}],
               "emails": {"guesses": {"Dan Murphy": [{"address": "dan.murphy@acme.example", "confidence": 0.45}]},
                          "published": [{"address": "jordan.blake@acme.example"}]}}
    chosen = choose_recipients(job, company, 3, {})
    assert [(r.name, r.address, r.address_status) for r in chosen] == [
        ("Dan Murphy", "jobs@ecosia.org", "role"), ("Jordan Blake", "jordan.blake@acme.example", "personal")]
    assert chosen[0].address_source == "https://x.example", "the posting published the shared inbox"
    # a 45% guess is never used: the first without a sure address gets the posting's own
    assert general_address(job, company, {}) == "jobs@ecosia.org", "the posting's own address first"


def test_real_mx_lookups_against_a_loopback_dns_server():
    """dnspython against a DNS server on 127.0.0.1 (a port of its own: "ip:port" in
    enricher.dns_nameservers): a domain with MX is ok, one without is none."""
    from pipeline.companies.addresses import dns_mx_lookup
    from tests.helpers.dns_server import DNSServer

    with DNSServer(domains=("example", "gmail.com")) as server:
        lookup = dns_mx_lookup([server.nameserver], timeout=2)
        assert (lookup("acme-robotics.example"), lookup("gone.invalid")) == ("ok", "none")
        assert server.queries == ["gmail.com", "acme-robotics.example", "gone.invalid"], "reachability checked once"
