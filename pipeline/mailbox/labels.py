"""What a reply says, as the classifier, the CLI (`replies confirm --label`) and the review page
name it: declared once here, imported by all three (the classifier's rules stay out of the CLI's
start-up)."""

INTERVIEW, REJECTION, OTHER, AUTO_REPLY, BOUNCE = "interview", "rejection", "other", "auto_reply", "bounce"
LABELS = (INTERVIEW, REJECTION, OTHER, AUTO_REPLY, BOUNCE)
