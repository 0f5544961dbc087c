from sitegen.permalinks import article_permalink, seed_slug


def test_plain_seed_names_keep_their_stem():
    assert article_permalink("000_d20dbdfb6ad6e3c6.txt", 3) == "articles/000_d20dbdfb6ad6e3c6-03.html"


def test_unsafe_names_become_ascii_and_never_collide():
    names = ["人民日报 第1版.txt", "人民日报 第2版.txt", "../../etc/passwd.txt", "a b.txt", "a-b.txt", "x" * 300 + ".txt"]
    slugs = [seed_slug(n) for n in names]
    assert len(set(slugs)) == len(slugs)
    for slug in slugs:
        assert slug.isascii() and "/" not in slug and ".." not in slug and " " not in slug
        assert 0 < len(slug) <= 70


def test_permalink_is_stable():
    assert seed_slug("人民日报.txt") == seed_slug("人民日报.txt")
    assert article_permalink("s.txt", 12) == "articles/s-12.html"
