# picture_lib.sh — sourced by e2e tests that look at the kiosk's pictures. Not a test itself.
#
#   png_dims PNG                        the picture's size, "WxH"
#   png_is_a_picture PNG                fails (with a message) unless the frame shows something:
#                                       at least 32 distinct colours, 0.1 % of its pixels not the
#                                       background colour (the "Saved" tick uses 0.27 %) and 200
#                                       pixels of clear colour (chroma
#                                       over 15 %), so a blank, flat or colourless (grey) frame
#                                       fails; properties, not a golden picture, so a redesign of
#                                       the screens does not need new reference images

png_dims() { od -An -tu1 -j16 -N8 "$1" | awk '{print $3*256+$4 "x" $7*256+$8}'; }

png_is_a_picture() { # png
  local png=$1 stats verdict
  command -v convert >/dev/null || { echo "FAIL: ImageMagick's convert is missing (scripts/install-deps.sh)"; return 1; }
  # colours, width, height, the background's pixel count (the most frequent colour), the share of
  # pixels in clear colour; all judged by awk, which prints "ok" only when every figure is there
  # and good enough (fail closed: a figure ImageMagick could not give fails the check)
  stats="$(convert "$png" -format '%k %w %h\n' info:) \
$(convert "$png" -format %c histogram:info:- | sort -rn | awk 'NR == 1 {print $1 + 0}') \
$(convert "$png" -colorspace HCL -channel G -separate +channel -threshold 15% -format '%[fx:mean]' info:)"
  verdict=$(echo "$stats" | awk 'NF == 5 {
      px = $2 * $3; off = px - $4; colourful = $5 * px
      if ($1 >= 32 && off * 1000 >= px && colourful >= 200) print "ok"
      else printf "%d colours, %d of %d pixels off the background, %d in colour", $1, off, px, colourful }')
  if [ "$verdict" != ok ]; then
    echo "FAIL: $png looks blank: ${verdict:-no figures from ImageMagick ($stats)}"
    return 1
  fi
}
