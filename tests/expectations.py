"""What the issue says the seeds must come out as: one place for every test that checks it."""

SEED_TOPICS = {
    "000": {"energy_transit"},
    "001": {"unrest_2022", "csto_mission"},
    "002": {"energy_transit"},
    "003": {"unrest_2022", "csto_mission"},
    "004": {"csto_mission", "unrest_2022"},
}
