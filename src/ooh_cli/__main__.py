from ooh_cli.console import main

main()
