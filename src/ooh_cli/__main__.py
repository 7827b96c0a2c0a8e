from ooh_cli.cli import main

main()
