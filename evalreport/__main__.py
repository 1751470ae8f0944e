from evalreport.cli import main

main()
