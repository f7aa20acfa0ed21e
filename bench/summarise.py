#!/usr/bin/env python3
"""Turns the output of archive-scale.sh into markdown tables of its cold renders. Usage: summarise.py OUTPUT"""
import sys,re
txt=open(sys.argv[1]).read()
for sec in re.split(r'\n## ',txt)[1:]:
    size=sec.split('\n',1)[0]
    rows={}
    for line in sec.splitlines():
        p=line.split()
        if len(p)==6 and p[2] in ('page-11-20','page-11-40','first-after-write','delta'):
            rows.setdefault((p[0],p[2]),{})[p[1]]=(p[3],p[4])
    print('\n**%s** cold renders, p50 / p99 in ms\n'%size)
    print('| feed | kind | RSS | Atom | JSON |\n| --- | --- | ---: | ---: | ---: |')
    for (feed,kind),v in rows.items():
        print('| %s | %s | %s |'%(feed,kind,' | '.join('%s / %s'%v.get(f,('-','-')) for f in ('rss','atom','json'))))
