# bench/gen.awk - writes a synthetic briefing for `make bench`.
#
#   awk -v dir=DIR -v actors=1000 -v actions=5000 -f bench/gen.awk
#
# DIR/briefing.md, DIR/actors/a<N>.md, DIR/sources/s<N>.md.  Actors: one
# state in 20, one organisation in 5 (member of a state), the rest people
# (member of an organisation), some with long roles.  Each action is one
# paragraph (one event) of a source: "[A](@x) [did](!type) [B](@y) [on
# DATE](^DATE)."  Subjects and objects are skewed (a few actors take part
# often, most rarely), as in real news.  Deterministic: a fixed seed.
function id(i) { return sprintf("a%04d", i) }
function pick(n,   r) { r = rand(); return int(n * r * r * r) }
BEGIN {
  if (dir == "") { print "gen.awk: -v dir=DIR is required" > "/dev/stderr"; exit 2 }
  if (actors < 2) actors = 1000
  if (actions < 1) actions = 5000
  srand(20231228)
  split("agree consult support concede cooperate aid retreat request " \
        "accuse reject threaten protest sanction mobilize coerce assault", types, " ")
  split("state organization person media group other", kinds, " ")
  system("mkdir -p '" dir "/actors' '" dir "/sources'")
  f = dir "/briefing.md"
  print "---\ntitle: Synthetic briefing, " actors " actors and " actions " actions\n" \
        "date: 2024-01-31\nlang: en\n---\n\nA generated briefing for the benchmark." > f
  close(f)
  for (i = 0; i < actors; i++) {
    f = dir "/actors/" id(i) ".md"
    if (i % 20 == 0) { kind = "state"; parent = "" }
    else if (i % 5 == 0) { kind = "organization"; parent = id(int(i / 20) * 20) }
    else { kind = (i % 7 == 3) ? "media" : (i % 11 == 4) ? "group" : "person"
           parent = id(int(i / 5) * 5) }
    print "---\nname: Actor " i " " kind > f
    print "kind: " kind > f
    if (parent != "" && parent != id(i)) print "member-of: " parent > f
    if (i % 3 == 0)
      print "role: Deputy Director-General of the Department of Long Titles, Office number " i > f
    else
      print "role: Role " i > f
    print "---\n\nProfile of actor " i "." > f
    close(f)
  }
  nsrc = int((actions + 99) / 100)
  for (s = 0; s < nsrc; s++) {
    f = dir "/sources/" sprintf("s%03d", s) ".md"
    print "---\ntitle: Source " s "\npublished: 2024-01-31\n---\n" > f
    for (k = s * 100; k < (s + 1) * 100 && k < actions; k++) {
      a = pick(actors); b = pick(actors)
      if (b == a) b = (a + 1 + int(rand() * (actors - 1))) % actors
      t = types[1 + int(rand() * 16)]
      day = sprintf("2024-01-%02d", 1 + (k % 28))
      printf "[Actor %d](@%s) [acted](!%s) [Actor %d](@%s) [on %s](^%s).\n\n", \
             a, id(a), t, b, id(b), day, day > f
    }
    close(f)
  }
}
