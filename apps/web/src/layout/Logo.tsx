/** The app mark, inline so nothing is fetched from elsewhere. */
export function Logo() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="6" fill="#1677ff" />
      <path d="M8 9h16v3L13 21h11v3H8v-3l11-9H8z" fill="#fff" />
    </svg>
  );
}
