"""Draw the app icon (resources/icons/nexipos.png and .ico) with Pillow: a blue till key with a card stripe."""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]


def draw(size: int = 256) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    pen.rounded_rectangle((8, 8, size - 8, size - 8), radius=size // 6, fill=(11, 61, 145, 255))
    pen.rectangle((8, size * 0.62, size - 8, size * 0.74), fill=(27, 127, 59, 255))
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "DejaVuSans-Bold.ttf"), int(size * 0.5))
    pen.text((size / 2, size * 0.36), "N", font=font, fill="white", anchor="mm")
    return image


if __name__ == "__main__":
    icon = draw()
    out = ROOT / "resources" / "icons"
    icon.save(out / "nexipos.png")
    icon.save(out / "nexipos.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
