// TypeScript 7 reads .ts files without Astro's language tools, so a .astro file imported from
// TypeScript is typed as a component here (Astro itself checks the .astro files when it builds them).
declare module '*.astro' {
  const Component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Component;
}
