"""Personal data kept exactly as long as the law needs it (DESIGN §8).

Retention and its sweep, anonymisation (the one way data about a candidate goes before the
row does), the candidate's export (GDPR art. 15) and erasure (art. 17), and the talent-pool
consent that keeps a profile longer.
"""
