# Ukrainian writes the day without a leading zero: "5 листопада 2026 р." (Django: "05 листопада…").
DATE_FORMAT = "j E Y р."
DATETIME_FORMAT = "j E Y р. H:i"
