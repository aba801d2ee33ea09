"""The words of template drafts, per language: several phrasings of each part, so two drafts of
one person do not read the same. Every language follows the same rules (outreach.templates puts
the parts together); a new language is one more table here with the same keys.

Keys ending in _formal are used with a formal tone ("Dear", "Sie"), the plain key otherwise.
"""

ENGLISH: dict[str, tuple[str, ...]] = {
    "greet": ("Hi {first},", "Hello {first},"),
    "greet_formal": ("Dear {formal_name},",),
    "greet_team": ("Hello {company} team,", "Hi {company} team,"),
    "greet_team_formal": ("Dear {company} team,",),
    "forward": ("Could you pass this on to {name} ({person_role})? Thank you.",
                "Could you forward this to {name} ({person_role})? Thanks a lot."),
    "forward_formal": ("Could you kindly forward this message to {name} ({person_role})? Thank you.",),
    "open": ("I'm interested in the {role} role at {company} and wanted to write to you directly.",
             "I'd like to apply for the {role} role at {company}, and I wanted to write to you first.",
             "The {role} opening at {company} is the kind of role I'm looking for, so I wanted to write to you "
             "directly."),
    "open_formal": ("I am writing about the {role} position at {company}.",
                    "I would like to apply for the {role} position at {company} and wanted to write to you first."),
    "open_two": ("I'm interested in the {role} and {other} roles at {company} and wanted to write to you directly.",
                 "You are hiring for a {role} and a {other} at {company}; both are roles I'd like to talk about."),
    "open_two_formal": ("I am writing about the {role} and {other} positions at {company}.",),
    "open_inbox": ("I'm writing about the {role} role at {company}.",
                   "I'd like to apply for the {role} role at {company}."),
    "open_inbox_formal": ("I am writing about the {role} position at {company}.",),
    "open_recruiter": ("I'd like to apply for the {role} role at {company} and wanted to introduce myself to you "
                       "first.",
                       "I'm interested in the {role} role at {company}, and as you look after hiring there, I "
                       "wanted to introduce myself."),
    "open_recruiter_formal": ("I would like to apply for the {role} position at {company} and wanted to introduce "
                              "myself to you first.",),
    "open_peer": ("I'm interested in the {role} role at {company}, and as you work on the team, I hoped you could "
                  "tell me a little about it.",
                  "I'm looking at the {role} role at {company}, and I'd love to hear how the team works from "
                  "someone on it."),
    "open_peer_formal": ("I am interested in the {role} position at {company} and hoped you could tell me a little "
                         "about the team.",),
    "hook": ("I read that {fact}.", "I saw that {fact}.", "One thing that caught my eye: {fact}."),
    "hook_colon": ("One thing that caught my eye: {fact}.", "Something I noticed: {fact}."),
    "link_near": ("That is close to my own work:", "That connects directly to my own work:"),
    "link_far": ("That is the kind of work I want to do next.", "That is work I would like to be part of."),
    "proof_verb": ("One result I can point to: {proof}", "From my own work: {proof}", "A result I'm proud of: {proof}"),
    "proof_near_verb": ("{proof}",),
    "proof_noun": ("One result I can point to: {achievement}.", "From my own work: {achievement}."),
    "required_1": ("The role asks for {skills}, which I have.", "The posting asks for {skills}, which I bring."),
    "required_n": ("The role asks for {skills}; I have {count}.",
                   "The posting asks for {skills}, and I bring {count}."),
    "optional_add": ("I also have {skills}, which the posting lists as a plus.",),
    "required_soft": ("The role asks for experience in {skills}; I have {count}.",
                      "The posting asks for experience in {skills}, and I bring {count}."),
    "optional_only": ("The posting lists {skills} as a plus; I have {that}.",),
    "mentioned": ("The posting mentions {skills}, and I have experience with {that}.",),
    "summary": ("A bit about me: {summary}",),
    "link": ("Some of my work is at {link}.", "My work is at {link}."),
    "ask": ("Would you have 15 minutes for a call in the next week or two?",
            "Could we talk for 15 minutes about the role and your team?",
            "Would you be open to a short call about the role?"),
    "ask_formal": ("Would you be available for a short call in the coming weeks?",
                   "I would welcome the chance to discuss the role with you in a short call."),
    "ask_recruiter": ("Could you tell me how your process works, and whether I should send my CV to you directly?",
                      "What would be the best next step: applying through the posting, or sending my CV to you?"),
    "ask_recruiter_formal": ("Could you let me know how your process works, and whether I should send my CV to you "
                             "directly?",),
    "ask_peer": ("Would you be up for a quick chat about what the team works on?",
                 "Could you spare 15 minutes to tell me how the team works?"),
    "ask_peer_formal": ("Would you have 15 minutes to tell me about the team?",),
    "ask_team": ("I'd be glad to send my CV or have a short call, whichever suits you.",
                 "Who would be the right person to talk to about the role?"),
    "ask_team_formal": ("I would be glad to send my CV or to have a short call, whichever suits you.",),
    "sign": ("Best,\n{short}", "Thanks,\n{short}", "Best regards,\n{short}"),
    "sign_formal": ("Kind regards,\n{signature}", "Best regards,\n{signature}"),
    "note_open": ("Hi {first}, I'm interested in the {role} role at {company}.",
                  "Hi {first}, the {role} role at {company} caught my eye."),
    "note_open_formal": ("Dear {formal_name}, I am interested in the {role} position at {company}.",),
    "note_open_recruiter": ("Hi {first}, I'd like to apply for the {role} role at {company}.",),
    "note_open_recruiter_formal": ("Dear {formal_name}, I would like to apply for the {role} position at {company}.",),
    "note_close": ("Would be glad to connect.", "Happy to connect if you are."),
    "note_close_formal": ("I would be glad to connect.",),
    "note_sign": ("– {short}", "Best, {short}"),
    "subject": ("{role}: {proof_lower}", "{proof}", "Re the {role} role: {proof_lower}"),
    "subject_two": ("{proof}", "{role} and {other}: {proof_lower}"),
    "subject_short": ("About the {role} role", "The {role} role"),
    "count_2": ("both",), "count_3": ("all three",), "count_4": ("all four",), "count_n": ("all of them",),
    "or": ("or",),
    "note_proof": ("{proof}",),
    "that_1": ("that",), "that_n": ("those",), "is_1": ("is",), "is_n": ("are",),
    "and": ("and",),
}

GERMAN: dict[str, tuple[str, ...]] = {
    "greet": ("Hallo {first},", "Hi {first},"),
    "greet_formal": ("Guten Tag {formal_name},",),
    "greet_team": ("Hallo {company}-Team,",),
    "greet_team_formal": ("Sehr geehrtes {company}-Team,",),
    "forward": ("könntet ihr diese Nachricht bitte an {name} ({person_role}) weitergeben? Danke!",),
    "forward_formal": ("könnten Sie diese Nachricht bitte an {name} ({person_role}) weiterleiten? Vielen Dank.",),
    "open": ("ich interessiere mich für die Stelle als {role} bei {company} und wollte mich direkt bei dir melden.",
             "die Stelle als {role} bei {company} passt gut zu dem, was ich suche, deshalb schreibe ich dir direkt."),
    "open_formal": ("ich interessiere mich für die Stelle als {role} bei {company} und möchte mich direkt bei "
                    "Ihnen vorstellen.",
                    "die Stelle als {role} bei {company} passt gut zu dem, was ich suche, deshalb schreibe ich "
                    "Ihnen direkt."),
    "open_two": ("ich interessiere mich für die Stellen als {role} und als {other} bei {company} und wollte mich "
                 "direkt bei dir melden.",),
    "open_two_formal": ("ich interessiere mich für die Stellen als {role} und als {other} bei {company} und möchte "
                        "mich direkt bei Ihnen vorstellen.",),
    "open_inbox": ("ich schreibe wegen der Stelle als {role} bei {company}.",),
    "open_inbox_formal": ("ich schreibe Ihnen wegen der Stelle als {role} bei {company}.",),
    "open_recruiter": ("ich möchte mich auf die Stelle als {role} bei {company} bewerben und mich vorher kurz bei "
                       "dir vorstellen.",),
    "open_recruiter_formal": ("ich möchte mich auf die Stelle als {role} bei {company} bewerben und mich vorab "
                              "kurz bei Ihnen vorstellen.",),
    "open_peer": ("ich interessiere mich für die Stelle als {role} bei {company} und dachte, du kannst mir "
                  "vielleicht etwas über das Team erzählen.",),
    "open_peer_formal": ("ich interessiere mich für die Stelle als {role} bei {company} und dachte, Sie können mir "
                         "vielleicht etwas über das Team erzählen.",),
    "hook": ("Was mich anspricht: {fact}.", "Mir ist aufgefallen: {fact}."),
    "hook_colon": ("Was mich anspricht: {fact}.", "Mir ist aufgefallen: {fact}."),
    "link_near": ("Das ist nah an meiner eigenen Arbeit.", "Das passt gut zu meiner eigenen Arbeit."),
    "link_far": ("Genau an solchen Aufgaben möchte ich arbeiten.", "An so etwas würde ich gern mitarbeiten."),
    "proof_verb": ("Ein Ergebnis aus meiner Arbeit: {achievement}.",),
    "proof_near_verb": ("Ein Beispiel: {achievement}.",),
    "proof_noun": ("Ein Ergebnis aus meiner Arbeit: {achievement}.", "Ein Beispiel aus meiner Arbeit: {achievement}."),
    "required_1": ("Die Stelle verlangt {skills}; das bringe ich mit.",),
    "required_n": ("Die Stelle verlangt {skills}; {count} bringe ich mit.",
                   "Gefragt sind {skills}, und {count} bringe ich mit."),
    "optional_add": ("Auch {skills}, in der Ausschreibung als Plus genannt, bringe ich mit.",),
    "required_soft": ("Die Stelle verlangt Erfahrung in {skills}; {count} bringe ich mit.",),
    "optional_only": ("Als Plus nennt die Ausschreibung {skills}; {that} bringe ich mit.",),
    "mentioned": ("Die Ausschreibung nennt {skills}; damit habe ich Erfahrung.",),
    "summary": ("Kurz zu mir: {summary}",),
    "link": ("Einige meiner Arbeiten: {link}",),
    "ask": ("Hättest du in den nächsten Tagen 15 Minuten für ein kurzes Gespräch?",
            "Hast du Lust auf ein kurzes Gespräch über die Stelle?"),
    "ask_formal": ("Hätten Sie in den nächsten Wochen Zeit für ein kurzes Gespräch?",
                   "Ich würde mich über ein kurzes Gespräch mit Ihnen freuen."),
    "ask_recruiter": ("Wie läuft euer Bewerbungsprozess ab, und soll ich meinen Lebenslauf direkt an dich schicken?",),
    "ask_recruiter_formal": ("Wie läuft Ihr Bewerbungsprozess ab, und soll ich meinen Lebenslauf direkt an Sie "
                             "senden?",),
    "ask_peer": ("Hättest du 15 Minuten, um mir etwas über die Arbeit im Team zu erzählen?",),
    "ask_peer_formal": ("Hätten Sie 15 Minuten, um mir etwas über die Arbeit im Team zu erzählen?",),
    "ask_team": ("Ich schicke gern meinen Lebenslauf oder melde mich für ein kurzes Gespräch, wie es euch passt.",),
    "ask_team_formal": ("Gern sende ich Ihnen meinen Lebenslauf oder stehe für ein kurzes Gespräch bereit.",),
    "sign": ("Viele Grüße\n{short}", "Beste Grüße\n{short}"),
    "sign_formal": ("Mit freundlichen Grüßen\n{signature}", "Freundliche Grüße\n{signature}"),
    "note_open": ("Hallo {first}, ich interessiere mich für die Stelle als {role} bei {company}.",),
    "note_open_formal": ("Guten Tag {formal_name}, ich interessiere mich für die Stelle als {role} bei {company}.",),
    "note_open_recruiter": ("Hallo {first}, ich möchte mich auf die Stelle als {role} bei {company} bewerben.",),
    "note_open_recruiter_formal": ("Guten Tag {formal_name}, ich möchte mich auf die Stelle als {role} bei {company} "
                                   "bewerben.",),
    "note_close": ("Ich würde mich über eine Vernetzung freuen.",),
    "note_close_formal": ("Ich würde mich über eine Vernetzung freuen.",),
    "note_sign": ("Viele Grüße, {short}",),
    "subject": ("{role}: {proof}", "{proof}"),
    "subject_two": ("{proof}",),
    "subject_short": ("Die Stelle als {role}",),
    "count_2": ("beides",), "count_3": ("alle drei",), "count_4": ("alle vier",), "count_n": ("all das",),
    "or": ("oder",),
    "note_proof": ("Ein Ergebnis meiner Arbeit: {proof}",),
    "that_1": ("das",), "that_n": ("die",), "is_1": ("ist",), "is_n": ("sind",),
    "and": ("und",),
}

LANGUAGES = {"english": ENGLISH, "german": GERMAN}
NAMES = {"english": "english", "en": "english", "englisch": "english", "german": "german", "de": "german",
         "deutsch": "german"}
