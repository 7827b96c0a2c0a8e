"""The floor every `ooh` command is measured against: a minimal Typer app with two commands that prints a string."""

import typer

app = typer.Typer()


@app.command()
def hello() -> None:
    print("hello")


@app.command()
def goodbye() -> None:
    print("goodbye")


if __name__ == "__main__":
    app()
