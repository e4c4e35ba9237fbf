// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { lazy } from '../../app/views/lazy.tsx';

afterEach(cleanup);

describe('a screen loaded when first shown', () => {
  it('is fetched once, by preload or by showing it, and shows once it came', async () => {
    let fetched = 0;
    const Screen = lazy(async () => {
      fetched++;
      return (props: { name: string }) => <p>Hello {props.name}</p>;
    });
    Screen.preload();
    Screen.preload();
    render(<Screen name="Ada" />);
    expect(await screen.findByText('Hello Ada')).toBeDefined();
    cleanup();
    render(<Screen name="Bo" />);
    expect(screen.getByText('Hello Bo')).toBeDefined(); // at once: no "Loading…" the second time
    expect(fetched).toBe(1);
  });

  it('a chunk that could not be fetched says so, and a later showing tries again', async () => {
    let tries = 0;
    const Screen = lazy(async () => {
      tries++;
      if (tries === 1) throw new Error('the network blinked');
      return () => <p>Here now</p>;
    });
    Screen.preload(); // fails quietly
    await Promise.resolve();
    render(<Screen />);
    expect(await screen.findByText('Here now')).toBeDefined();
    cleanup();
    const Broken = lazy(() => Promise.reject(new Error('gone')));
    render(<Broken />);
    expect(await screen.findByText('This screen could not be loaded: reload the page to try again.')).toBeDefined();
    expect(tries).toBe(2);
  });
});
