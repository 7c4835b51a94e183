"""Every page of the dashboard, declared once: app.py's navigation, the presenter, the stories
file's checks, the tests and the benchmark all read this list.

Adding a page is one `Page(...)` entry here, its script under pages/, and its strings (the
navigation title and the page's own table) in all seven components/locales/*.toml files.
Pure data: no streamlit import.
"""

from __future__ import annotations

from dataclasses import dataclass

# The shared filters every explore page reads from its link (components/filters.py `parse_query`).
FILTERS = ("countries", "type", "indicator", "edition", "year", "from", "to", "view")


@dataclass(frozen=True)
class Page:
    slug: str  # the URL path: /map
    script: str  # the page's file, from the repository root
    icon: str  # a Material icon, as st.Page takes it
    nav_key: str  # the text key of its title in the navigation
    texts: str  # the locale table holding the page's own strings
    # The URL parameters the page reads, besides ?lang= (read by app.py on every page).
    params: tuple[str, ...] = ()
    # The keys a slide's `view` may set when it shows this page (data/stories/*.yaml); empty: the
    # page cannot be a slide.
    slide_keys: tuple[str, ...] = ()
    default: bool = False  # the page at /
    staff_only: bool = False  # listed only for staff who signed in (admin password configured)

    @property
    def can_be_slide(self) -> bool:
        return bool(self.slide_keys)


PAGES: tuple[Page, ...] = (
    Page("overview", "pages/explore/overview.py", ":material/home:", "nav.overview", "overview", default=True),
    Page("map", "pages/explore/map.py", ":material/map:", "nav.map", "map", params=FILTERS,
         slide_keys=("countries", "type", "indicator", "edition", "year", "view")),
    Page("corridors", "pages/explore/corridors.py", ":material/flight_takeoff:", "nav.corridors", "corridors",
         params=FILTERS + ("origin", "since"),
         slide_keys=("countries", "type", "indicator", "edition", "year", "origin", "since")),
    Page("corridor", "pages/explore/corridor.py", ":material/route:", "corridor_card.nav_title", "corridor_card",
         params=("origin", "destination"), slide_keys=("origin", "destination")),
    Page("circular", "pages/explore/circular.py", ":material/autorenew:", "circular.nav_title", "circular",
         params=("country", "period"), slide_keys=("country", "period")),
    Page("trends", "pages/explore/trends.py", ":material/show_chart:", "nav.trends", "trends",
         params=FILTERS + ("base",),
         slide_keys=("countries", "type", "indicator", "edition", "from", "to", "view", "base")),
    Page("compare", "pages/explore/compare.py", ":material/bar_chart:", "nav.compare", "compare",
         params=FILTERS + ("since",),
         slide_keys=("countries", "type", "indicator", "edition", "year", "view", "since")),
    Page("profile", "pages/explore/profile.py", ":material/flag:", "nav.profile", "profile",
         params=FILTERS + ("country", "age_year"), slide_keys=("countries", "country", "indicator")),
    Page("present", "pages/present/present.py", ":material/slideshow:", "nav.present", "present",
         params=("story", "slide")),
    Page("data", "pages/data/data_sources.py", ":material/menu_book:", "nav.data", "data_page",
         params=("revisions",)),
    Page("actors", "pages/explore/actors.py", ":material/diversity_3:", "nav.actors", "actors"),
    Page("upload", "pages/data/upload.py", ":material/upload_file:", "nav.upload", "upload", staff_only=True),
)


def page(slug: str) -> Page:
    """The page at /slug; KeyError names the pages there are."""
    for each in PAGES:
        if each.slug == slug:
            return each
    raise KeyError(f"no page {slug!r}; pages: {', '.join(p.slug for p in PAGES)}")


def home() -> Page:
    return next(p for p in PAGES if p.default)


def public() -> tuple[Page, ...]:
    """The pages everyone sees in the navigation, in its order."""
    return tuple(p for p in PAGES if not p.staff_only)


def slides() -> tuple[Page, ...]:
    """The pages a presenter slide can show."""
    return tuple(p for p in PAGES if p.can_be_slide)
