"""The tailored one-page resume: the person's facts (cv), chosen for a job (select), laid out as
the template's data (document), compiled offline by typst (render), kept per job (make)."""
