"""The offline install: a folder (and its .zip) that puts evalreport on an officer's PC with no
network, built by ``evalreport bundle``.

Officers' PCs often have no route to a package index, and they never open a terminal; the bundle
carries every wheel for their platform, the Excel panel and a double-click install script.
Modules: :mod:`target` (which platform the wheels are for, and how its environment markers
evaluate), :mod:`closure` (is every requirement of every wheel met by the folder), :mod:`download`
(pip, run as a subprocess, fetches what is missing), :mod:`scripts` (the install scripts),
:mod:`bundle` (assembles all of it), :mod:`xlwings_conf` (run by the install script on the officer's
PC to point xlwings at the installed Python).
"""
